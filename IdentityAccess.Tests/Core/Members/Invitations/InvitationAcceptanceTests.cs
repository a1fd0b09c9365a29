using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Members.Invitations;

/// <summary>
/// Accepting an invitation and the expiry sweep, on a fake clock: Alice has invited Nina to Acme as User/Standard.
/// Invitations last an hour here and the sweep's loop ticks once a day, so a test can pass the expiry without the loop.
/// </summary>
public abstract class InvitationAcceptanceTests : IAsyncLifetime
{
    private readonly PortalFixture _portal;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private string _secret = "";

    protected InvitationAcceptanceTests(PortalFixture portal)
    {
        _portal = portal;
        _portal.Time = _time;
        _portal.Settings["Invitations:Lifetime"] = "01:00:00";
        _portal.Settings["Invitations:SweepIntervalMinutes"] = "1440";
    }

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        var invite = new NewMember("Nina@Initech.test", "Nina Newman", Role.User, SeatTier.Standard);
        Assert.Empty(await Services.GetRequiredService<InvitationAdministration>().InviteAsync(Acme, invite, _portal.Demo.Person("alice@acme.test"), "http://portal.test/"));
        _secret = await Mailbox.LatestSecretAsync(_portal.Factory, "Nina@Initech.test", OutboxMessageKind.Invitation);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private IServiceProvider Services => _portal.Factory.Services;

    private InvitationAcceptance Acceptance => Services.GetRequiredService<InvitationAcceptance>();

    private Guid Acme => _portal.Demo.AcmeChat;

    [Fact]
    public async Task Accept_TheInvitedPersonSignedIn_BecomesActiveOnTheSeatHeldAndTheLinkIsUsedUp()
    {
        var outcome = await Acceptance.AcceptAsync(_secret, await NinaAsync());

        Assert.Equal(new AcceptedInvitation(Acme, "Acme", Role.User, SeatTier.Standard), outcome.Joined);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        var row = await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId);
        Assert.Equal((InvitationStatus.Accepted, MembershipStatus.Active, SeatTier.Standard), (invitation.Status, row.Status, row.SeatTier));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "membership.invitation_accepted");
        Assert.Equal(("Nina Newman", await NinaAsync(), Acme), (audit.Actor, audit.ActorPersonId!.Value, audit.OrganizationId!.Value));
        Assert.Null(await Acceptance.FindAsync(_secret));
    }

    [Fact]
    public async Task Accept_SecondUse_TheSameNotFoundAsAnUnknownLink()
    {
        Assert.NotNull((await Acceptance.AcceptAsync(_secret, await NinaAsync())).Joined);

        var again = await Acceptance.AcceptAsync(_secret, await NinaAsync());
        var unknown = await Acceptance.AcceptAsync(LinkSecret.New(), await NinaAsync());

        Assert.IsType<InvitationLinkNotValid>(again.Refusal);
        Assert.Equal(unknown.Refusal, again.Refusal);
    }

    [Fact]
    public async Task Accept_SignedInAsSomeoneElse_RefusedNamingBothAndNothingChanged()
    {
        var outcome = await Acceptance.AcceptAsync(_secret, _portal.Demo.Person("carol@acme.test"));

        Assert.Equal("This invitation is for Nina@Initech.test; you are signed in as carol@acme.test. Sign out, then sign in as Nina@Initech.test to accept it.",
            Assert.IsType<InvitationForSomeoneElse>(outcome.Refusal).Message);
        await AssertStillInvitedAsync();
    }

    [Fact]
    public async Task Accept_AfterExpiry_NotFoundEvenBeforeTheSweepAndNothingChanged()
    {
        _time.Advance(TimeSpan.FromMinutes(61));

        var outcome = await Acceptance.AcceptAsync(_secret, await NinaAsync());

        Assert.IsType<InvitationLinkNotValid>(outcome.Refusal);
        await AssertStillInvitedAsync();
    }

    [Fact]
    public async Task Accept_RevokedOrResent_TheOldLinkIsNotFound()
    {
        var administration = Services.GetRequiredService<InvitationAdministration>();
        Assert.Null(await administration.ResendAsync(Acme, await InvitationIdAsync(), _portal.Demo.Person("alice@acme.test"), "http://portal.test/"));
        var resent = await Mailbox.LatestSecretAsync(_portal.Factory, "Nina@Initech.test", OutboxMessageKind.Invitation);
        Assert.IsType<InvitationLinkNotValid>((await Acceptance.AcceptAsync(_secret, await NinaAsync())).Refusal);

        Assert.Null(await administration.RevokeAsync(Acme, await InvitationIdAsync(), _portal.Demo.Person("alice@acme.test")));

        Assert.IsType<InvitationLinkNotValid>((await Acceptance.AcceptAsync(resent, await NinaAsync())).Refusal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-secret")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    public async Task Accept_MalformedSecret_NotFound(string secret)
    {
        Assert.IsType<InvitationLinkNotValid>((await Acceptance.AcceptAsync(secret, await NinaAsync())).Refusal);
        Assert.Null(await Acceptance.FindAsync(secret));
    }

    [Fact]
    public async Task Find_ValidLink_SaysWhoInvitedWhomToWhat()
    {
        var view = await Acceptance.FindAsync(_secret);

        Assert.Equal(new InvitationLinkView("Nina@Initech.test", "Acme", "Alice Anders", Role.User, SeatTier.Standard, _time.GetUtcNow().AddHours(1)), view);
    }

    [Fact]
    public async Task Sweep_ExpiredInvitation_ExpiredAndRemovedAsTheSystem_SeatFreed_Once()
    {
        var expiry = Services.GetRequiredService<InvitationExpiry>();
        Assert.Equal(0, await expiry.SweepAsync()); // not due yet
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await expiry.SweepAsync());
        Assert.Equal(0, await expiry.SweepAsync());

        await using var db = await _portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal((InvitationStatus.Expired, MembershipStatus.Removed),
            (invitation.Status, (await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId)).Status));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "membership.invitation_expired");
        Assert.Equal("Invitation expiry", audit.Actor);
        Assert.Null(audit.ActorPersonId);
        var usage = await Services.GetRequiredService<SeatLedger>().GetUsageAsync(Acme);
        Assert.Equal(2, usage.Single(u => u.Tier == SeatTier.Standard).Used); // Carol and Dave: the invitation's seat is free again
    }

    [Fact]
    public async Task ExpirySweep_TheHostedLoopOnTheAppsClock_ExpiresWithoutBeingCalled()
    {
        _time.Advance(TimeSpan.FromHours(25)); // past the expiry, and past the loop's next tick (a day here)

        var deadline = DateTime.UtcNow.AddSeconds(20);
        InvitationStatus status;
        do
        {
            await Task.Delay(100);
            await using var db = await _portal.Factory.CreateDbContextAsync();
            status = (await db.Invitations.SingleAsync()).Status;
        }
        while (status == InvitationStatus.Pending && DateTime.UtcNow < deadline);

        Assert.Equal(InvitationStatus.Expired, status);
    }

    private async Task<Guid> NinaAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.People.Where(p => p.NormalizedEmail == "NINA@INITECH.TEST").Select(p => p.Id).SingleAsync();
    }

    private async Task<Guid> InvitationIdAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Invitations.Select(i => i.Id).SingleAsync();
    }

    private async Task AssertStillInvitedAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal((InvitationStatus.Pending, MembershipStatus.Invited),
            (invitation.Status, (await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId)).Status));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "membership.invitation_accepted"));
    }
}

public sealed class SqliteInvitationAcceptanceTests() : InvitationAcceptanceTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresInvitationAcceptanceTests() : InvitationAcceptanceTests(new PostgresPortalFixture());
