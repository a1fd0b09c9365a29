using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>
/// The help article's SCIM rows: people removed from the IdP app are removed automatically (deactivation first suspends,
/// deletion removes; a deactivated person is removed after the parent's grace period), and with group mappings removal
/// follows revoked group access. Beyond what the mass-change safeguard allows within its window (Provisioning:MassRemoval),
/// the excess waits for review and is applied as a whole with the count typed.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ScimRemovalJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string UsersGroup = "anthropic-claude-users";

    [Fact]
    public async Task DeactivatedPersonIsSuspended_DeletedPersonIsRemoved_MassRemovalIsStagedUntilTheOwnerApproves()
    {
        using var idp = await ScimIdp.ConnectAsync(portal);
        var owner = await portal.NewPageAsync();
        await PortalPage.SignInAsync(owner, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await IdentityAndAccessScreen.ChooseModeAsync(owner, "Directory sync (SCIM)");
        await IdentityAndAccessScreen.TurnOnGroupMappingsAsync(owner);
        await IdentityAndAccessScreen.MapAsync(owner, "Owner", "anthropic-claude-owners");
        await IdentityAndAccessScreen.MapAsync(owner, "Admin", "anthropic-claude-admins");
        await IdentityAndAccessScreen.MapAsync(owner, "User", UsersGroup);
        await IdentityAndAccessScreen.ReviewAsync(owner);
        await IdentityAndAccessScreen.ConfirmAsync(owner);

        // 1. Dave is unassigned from the app in the IdP (Entra: active "False"): suspended, seat freed, still listed.
        await idp.DeactivateAsync("dave@acme.test");
        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        var dave = MembersScreen.Row(owner, "Dave Diaz");
        await Expect(MembersScreen.StatusChip(dave)).ToHaveTextAsync("Suspended");
        await Expect(dave.GetByTestId("member-removal-due")).ToHaveTextAsync(
            $"Suspended by your IdP — removed on {DateTimeOffset.UtcNow.AddDays(30):yyyy-MM-dd}"); // the default 30-day grace period
        await Expect(owner.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 20 · 19 free"); // Carol holds the one Standard seat left in use
        await Screenshots.SaveAsync(owner, "journey-10-suspended", fullPage: true);

        // 2. The IdP deletes him: he is no longer a member. The list drops him; the audit log keeps both steps.
        await idp.DeleteAsync("dave@acme.test");
        await owner.ReloadAsync();
        await PortalPage.WaitInteractiveAsync(owner);
        await Expect(MembersScreen.Row(owner, "Carol Chen")).ToBeVisibleAsync();
        await Expect(dave).ToHaveCountAsync(0);
        await owner.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/audit");
        await PortalPage.WaitInteractiveAsync(owner);
        await owner.GetByLabel("Filter audit events").FillAsync("dave@acme.test");
        var audit = owner.GetByTestId("audit-table").Locator("tbody tr");
        await Expect(audit.Filter(new() { HasText = "membership.deprovisioned" })).ToHaveCountAsync(1);
        await Expect(audit.Filter(new() { HasText = "membership.suspended" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(owner, "journey-10-removed-in-audit-log");

        // 3. Twelve contractors are assigned and put in the users group; then their group access is revoked in one push.
        var contractors = Enumerable.Range(1, 12).Select(i => $"contractor{i:00}@acme.test").ToArray();
        foreach (var (email, i) in contractors.Select((e, i) => (e, i + 1)))
        {
            await idp.AssignAsync(email, $"Contractor {i:00}");
        }

        await idp.AddToGroupAsync(UsersGroup, contractors);
        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        await owner.GetByLabel("Search members").FillAsync("contractor");
        await Expect(owner.Locator("[data-testid=member-table] [data-status=Active]")).ToHaveCountAsync(12);
        await idp.RemoveFromGroupAsync(UsersGroup, contractors);

        // 4. More than the safeguard allows within its window (Dave's suspension and removal count too): the excess is held,
        //    those people keep their access, and the owner sees who, what the IdP asked and by which path.
        var limits = portal.Factory.Services.GetRequiredService<IOptions<MassRemovalOptions>>().Value;
        Assert.True(contractors.Length > limits.MinimumCount, "the journey must remove more people than Provisioning:MassRemoval:MinimumCount");
        int held;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            held = await db.StagedRemovals.CountAsync(s => s.OrganizationId == portal.Demo.AcmeChat);
        }

        Assert.InRange(held, 1, contractors.Length - 1); // some applied, the rest held
        await IdentityAndAccessScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        var staged = owner.GetByTestId("staged-removals");
        await Expect(staged).ToContainTextAsync($"{held} changes held for your review");
        await Expect(staged.Locator("tbody tr")).ToHaveCountAsync(held);
        await Expect(staged.Locator("tbody tr").First).ToContainTextAsync("Remove from Acme");
        await Expect(staged.Locator("tbody tr").First).ToContainTextAsync("Directory sync (SCIM)");
        await staged.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(owner, "journey-10-staged-removals");
        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        await owner.GetByLabel("Search members").FillAsync("contractor");
        await Expect(owner.Locator("[data-testid=member-table] [data-status=Active]")).ToHaveCountAsync(held);

        // 5. The owner applies them all, typing the count: they are removed, and the safeguard's panel is gone.
        await IdentityAndAccessScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        await staged.GetByTestId("approve-removals").ClickAsync();
        var confirm = owner.GetByTestId("held-changes-decision-dialog");
        await Expect(owner.GetByTestId("held-changes-confirm")).ToBeDisabledAsync(); // the dialog's actions sit outside its content
        await confirm.GetByLabel($"Type {held} or Acme to confirm").FillAsync(held.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Screenshots.SaveAsync(owner, "journey-10-apply-held-changes");
        await owner.GetByTestId("held-changes-confirm").ClickAsync();
        await Expect(owner.Locator(".mud-snackbar").Filter(new() { HasText = $"{held} membership changes applied." })).ToBeVisibleAsync();
        await Expect(staged).ToHaveCountAsync(0);

        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        await owner.GetByLabel("Search members").FillAsync("contractor");
        await Expect(owner.GetByTestId("member-table")).ToContainTextAsync("No member matches \"contractor\".");
        await Screenshots.SaveAsync(owner, "journey-10-removals-approved", fullPage: true);
        await using var after = await portal.Factory.CreateDbContextAsync();
        var statuses = await after.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.Person!.Email.StartsWith("contractor"))
            .Select(m => m.Status).ToListAsync();
        Assert.Equal(Enumerable.Repeat(MembershipStatus.Removed, 12), statuses);
    }
}
