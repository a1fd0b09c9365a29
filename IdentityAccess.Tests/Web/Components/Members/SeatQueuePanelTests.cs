using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Tests.Web.Components.Members;

public sealed class SeatQueuePanelTests : ComponentTest
{
    private static readonly SeatQueue _queue = new(
    [
        new WaitingPerson(1, Guid.NewGuid(), "frank@acme.test", "Frank Fischer", null, DateTimeOffset.UnixEpoch),
        new WaitingPerson(2, Guid.NewGuid(), "gina@acme.test", "Gina Gomez", SeatTier.Premium, DateTimeOffset.UnixEpoch.AddHours(1)),
    ], [SeatTier.Premium, SeatTier.Standard]);

    private static KnownPerson Known(string email, string name) =>
        new(Guid.NewGuid(), null, email, name, DirectoryPresence.Active, GroupKnowledge.Directory, [], null,
            new CurrentMembership(Role.User, null, MembershipStatus.PendingSeat, MembershipSource.Scim, DateTimeOffset.UnixEpoch));

    [Fact]
    public void No_one_waiting_renders_nothing() =>
        Assert.Empty(Render<SeatQueuePanel>(p => p.Add(c => c.Queue, new SeatQueue([], [])).Add(c => c.WouldAdmit, (_, _) => Task.FromResult<IReadOnlyList<KnownPerson>?>([])))
            .Markup.Trim());

    [Fact]
    public void The_queue_shows_order_and_the_tier_each_person_waits_for()
    {
        var panel = Render<SeatQueuePanel>(p => p.Add(c => c.Queue, _queue).Add(c => c.WouldAdmit, (_, _) => Task.FromResult<IReadOnlyList<KnownPerson>?>([])));

        Assert.Contains("Waiting for a seat (2)", panel.Find("[data-testid=seat-queue]").TextContent);
        Assert.Contains("Any tier", panel.Find("tr[data-person='frank@acme.test']").TextContent);
        Assert.Contains("Premium", panel.Find("tr[data-person='gina@acme.test']").TextContent);
    }

    [Fact]
    public void Asking_whom_seats_would_admit_asks_for_the_chosen_number_and_tier_and_names_the_people()
    {
        (SeatTier? Tier, int Seats) asked = default;
        var panel = Render<SeatQueuePanel>(p => p.Add(c => c.Queue, _queue).Add(c => c.WouldAdmit, (tier, seats) =>
        {
            asked = (tier, seats);
            return Task.FromResult<IReadOnlyList<KnownPerson>?>([Known("frank@acme.test", "Frank Fischer")]);
        }));

        panel.Find("[data-testid=preview-admissions]").Click();

        Assert.Equal((SeatTier.Standard, 1), asked); // defaults: one seat of the lowest tier
        panel.WaitForAssertion(() => Assert.Contains("1 more Standard seat would admit 1: Frank Fischer", panel.Find("[data-testid=would-admit]").TextContent));
    }

    private static readonly Func<SeatTier?, int, Task<IReadOnlyList<KnownPerson>?>> _nobody = (_, _) => Task.FromResult<IReadOnlyList<KnownPerson>?>([]);

    [Fact]
    public void Seats_free_for_the_people_waiting_offer_Sync_now_right_there()
    {
        var synced = 0;
        var panel = Render<SeatQueuePanel>(p => p.Add(c => c.Queue, _queue).Add(c => c.WouldAdmit, _nobody)
            .Add(c => c.Seats, [new SeatUsage(SeatTier.Premium, 10, 10, 0), new SeatUsage(SeatTier.Standard, 20, 18, 0)])
            .Add(c => c.OnAdmitNow, () => { synced++; return Task.CompletedTask; }));

        Assert.Contains("2 seats are free for the people waiting", panel.Find("[data-testid=seats-free-for-queue]").TextContent);
        panel.Find("[data-testid=queue-sync-now]").Click();

        panel.WaitForAssertion(() => Assert.Equal(1, synced));
    }

    [Fact]
    public void Seats_free_only_in_a_tier_nobody_waits_for_offer_nothing()
    {
        var queue = new SeatQueue([new WaitingPerson(1, Guid.NewGuid(), "gina@acme.test", "Gina Gomez", SeatTier.Premium, DateTimeOffset.UnixEpoch)],
            [SeatTier.Premium, SeatTier.Standard]);
        var panel = Render<SeatQueuePanel>(p => p.Add(c => c.Queue, queue).Add(c => c.WouldAdmit, _nobody)
            .Add(c => c.Seats, [new SeatUsage(SeatTier.Premium, 10, 10, 0), new SeatUsage(SeatTier.Standard, 20, 5, 0)])
            .Add(c => c.OnAdmitNow, () => Task.CompletedTask));

        Assert.Empty(panel.FindAll("[data-testid=seats-free-for-queue]"));
    }

    [Fact]
    public void A_person_who_may_not_run_Sync_now_is_told_who_may()
    {
        var panel = Render<SeatQueuePanel>(p => p.Add(c => c.Queue, _queue).Add(c => c.WouldAdmit, _nobody)
            .Add(c => c.Seats, [new SeatUsage(SeatTier.Standard, 20, 19, 0)]).Add(c => c.RunSyncNowBy, "Owners"));

        Assert.Contains("1 seat is free", panel.Find("[data-testid=seats-free-for-queue]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=queue-sync-now]"));
        Assert.Contains("Sync now is run by Owners", panel.Find("[data-testid=queue-sync-now-by]").TextContent);
    }

    [Fact]
    public void A_long_queue_shows_its_real_size_and_says_only_the_first_are_listed()
    {
        var panel = Render<SeatQueuePanel>(p => p.Add(c => c.Queue, _queue with { Total = 1004 }).Add(c => c.WouldAdmit, _nobody));

        Assert.Contains("Waiting for a seat (1,004)", panel.Find("[data-testid=seat-queue]").TextContent);
        Assert.Contains("The first 2 of 1,004", panel.Find("[data-testid=seat-queue-more]").TextContent);
    }
}
