using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>
/// Help article, troubleshooting 1: "Users are assigned correctly and appear in the directory, but are not being added as
/// members?" Check the seats bought, buy more, then "Sync now" beside Directory sync (SCIM) provisions those not yet members.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PeopleNotMembersJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private static readonly string[] _seatedBefore = ["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test"];

    [Fact]
    public async Task IdpPushesMorePeopleThanSeats_OwnerBuysSeatsAndSyncsNow_WaitingPeopleBecomeMembersAndNobodyIsEvicted()
    {
        // A small pool: Acme's four members hold 2 Premium and 2 Standard seats, so one Standard seat is free.
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == SeatTier.Premium).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 2));
            await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == SeatTier.Standard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 3));
        }

        using var idp = await ScimIdp.ConnectAsync(portal);
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");

        // Acme moves to directory sync: of the four people assigned but not members yet, the first takes the free seat.
        await IdentityAndAccessScreen.ChooseModeAsync(page, "Directory sync (SCIM)");
        var diff = await IdentityAndAccessScreen.ReviewAsync(page);
        await Expect(diff.GetByTestId("diff-count-Provision")).ToHaveTextAsync("1");
        await Expect(diff.GetByTestId("diff-count-BecomePending")).ToHaveTextAsync("3");
        await IdentityAndAccessScreen.ConfirmAsync(page);

        // The IdP pushes two more new people: no seat is left for them.
        await idp.AssignAsync("olga@acme.test", "Olga Ortiz");
        await idp.AssignAsync("pat@acme.test", "Pat Park");

        // 1. Identity and access names everyone the IdP assigned who is not a member, and why.
        await IdentityAndAccessScreen.OpenAsync(page, portal.Demo.AcmeChat);
        var notMembers = page.GetByTestId("not-members");
        await Expect(notMembers).ToContainTextAsync("Known to your IdP, not members (5)");
        foreach (var email in new[] { "frank@acme.test", "gina@acme.test", "ivan@acme.test", "olga@acme.test", "pat@acme.test" })
        {
            var row = notMembers.Locator($"[data-person='{email}']");
            await Expect(row).ToContainTextAsync("Pending a seat");
            await Expect(row).ToContainTextAsync("No free seat in any tier: pending until seats are bought, then admitted in order.");
        }

        await Screenshots.SaveAsync(page, "journey-06-not-members", fullPage: true);

        // 2. Members: the seats are all taken, the queue is in assignment order, and the waiting people carry the pending chip.
        await MembersScreen.OpenAsync(page, portal.Demo.AcmeChat);
        await Expect(page.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 3 · 0 free");
        var queue = page.GetByTestId("seat-queue");
        await Expect(queue).ToContainTextAsync("Waiting for a seat (5)");
        await Expect(queue).ToContainTextAsync("Nobody is ever evicted to make room.");
        await Expect(queue.Locator("[data-person='frank@acme.test'] td").First).ToHaveTextAsync("1");
        await Expect(queue.Locator("[data-person='pat@acme.test'] td").First).ToHaveTextAsync("5");
        await Expect(MembersScreen.StatusChip(MembersScreen.Row(page, "Olga Ortiz"))).ToHaveTextAsync("Pending a seat");
        await Expect(MembersScreen.StatusChip(MembersScreen.Row(page, "Carol Chen"))).ToHaveTextAsync("Active");
        await Screenshots.SaveAsync(page, "journey-06-seat-queue", fullPage: true);

        // 3. The owner buys five more Standard seats. Buying admits nobody by itself.
        var buy = await MembersScreen.FillBuySeatsAsync(page, "Standard", 8);
        await Expect(buy).ToContainTextAsync("Now 3 purchased, 3 in use");
        await Screenshots.SaveAsync(page, "journey-06-buy-seats");
        await page.GetByTestId("buy-seats-submit").ClickAsync();
        await Expect(buy).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 8 · 5 free");
        await Expect(queue).ToContainTextAsync("Waiting for a seat (5)");

        // 4. Back on Identity and access, "Sync now" admits the five waiting people.
        await IdentityAndAccessScreen.OpenAsync(page, portal.Demo.AcmeChat);
        await IdentityAndAccessScreen.SyncNowAsync(page, expectedChanges: 5);
        await Expect(page.GetByTestId("not-members")).ToHaveCountAsync(0);

        // 5. Everyone is a member now, and the people who held seats before still hold them.
        await MembersScreen.OpenAsync(page, portal.Demo.AcmeChat);
        await Expect(page.GetByTestId("seat-queue")).ToHaveCountAsync(0);
        await Expect(MembersScreen.Rows(page)).ToHaveCountAsync(10);
        await Expect(page.Locator("[data-testid=member-table] [data-status=Active]")).ToHaveCountAsync(10);
        await Expect(MembersScreen.Row(page, "Olga Ortiz")).ToContainTextAsync("Standard");
        await Expect(MembersScreen.Row(page, "Alice Anders")).ToContainTextAsync("Premium");
        await Expect(MembersScreen.Row(page, "Bob Brown")).ToContainTextAsync("Premium");
        await Expect(page.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 8 · 0 free");
        await Screenshots.SaveAsync(page, "journey-06-admitted", fullPage: true);

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var acme = await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat).Select(m => new { m.Person!.Email, m.Status, m.SeatTier }).ToListAsync();
            Assert.All(acme, m => Assert.Equal(MembershipStatus.Active, m.Status)); // nobody suspended or removed to make room
            Assert.Equal(
                [("alice@acme.test", SeatTier.Premium), ("bob@acme.test", SeatTier.Premium), ("carol@acme.test", SeatTier.Standard), ("dave@acme.test", SeatTier.Standard)],
                acme.Where(m => _seatedBefore.Contains(m.Email)).OrderBy(m => m.Email).Select(m => (m.Email, m.SeatTier!.Value)));
        }
    }
}
