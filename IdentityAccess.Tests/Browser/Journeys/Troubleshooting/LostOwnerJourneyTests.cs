using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>
/// Help article, troubleshooting 3: "I lost Admin/Owner access after enabling Advanced Group Mappings". The save guard
/// refuses the mistake in the first place; when the IdP later drops the owner from the owner group anyway, option 1 is
/// another Admin or Owner restoring the previous role on the Members page (kept by hand, so sync no longer undoes it),
/// option 2 is the IdP fix plus "Sync now" (which also retires the hand-kept role); and the break-glass owner is never
/// touched by sync.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LostOwnerJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string OwnerGroup = "anthropic-claude-owners";

    [Fact]
    public async Task SaveGuardRefusesSelfDemotion_IdpLaterDropsOwner_AnotherOwnerOrTheIdpRestoresIt_BreakGlassOwnerAlwaysGetsIn()
    {
        // The IdP: everyone is in the users group, and Bob is an owner besides Alice.
        using var idp = await ScimIdp.ConnectAsync(portal);
        await idp.AddToGroupAsync("anthropic-claude-users", "alice@acme.test");
        await idp.AddToGroupAsync(OwnerGroup, "bob@acme.test");
        var alice = await portal.NewPageAsync();
        await PortalPage.SignInAsync(alice, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");

        // (a) Alice maps admins and users but forgets the owners group: she would demote herself. The dry run refuses.
        await IdentityAndAccessScreen.ChooseModeAsync(alice, "Directory sync (SCIM)");
        await IdentityAndAccessScreen.TurnOnGroupMappingsAsync(alice);
        await IdentityAndAccessScreen.MapAsync(alice, "Admin", "anthropic-claude-admins");
        await IdentityAndAccessScreen.MapAsync(alice, "User", "anthropic-claude-users");
        var diff = await IdentityAndAccessScreen.ReviewAsync(alice);
        await Expect(diff.GetByTestId("save-refusal").Filter(new() { HasText = "After this change you would no longer be Owner of Acme." }))
            .ToContainTextAsync("Add yourself to a group mapped to Owner first, or designate yourself as the break-glass owner.");
        await Expect(diff.GetByTestId("save-refusal").Filter(new() { HasText = "Acme would have no active Owner left." })).ToBeVisibleAsync();
        await Expect(diff.Locator("[data-change=Demote] [data-person='alice@acme.test']")).ToContainTextAsync("Owner, Premium → User, Premium");
        await Expect(alice.GetByTestId("confirm-save")).ToBeDisabledAsync();
        await Screenshots.SaveAsync(alice, "journey-08-save-guard");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        // With the owners group mapped the save goes through (Bob becomes Owner too); then Bob is made the break-glass owner.
        await IdentityAndAccessScreen.MapAsync(alice, "Owner", OwnerGroup);
        diff = await IdentityAndAccessScreen.ReviewAsync(alice);
        await Expect(diff.GetByTestId("save-refusal")).ToHaveCountAsync(0);
        await Expect(diff.Locator("[data-change=Promote] [data-person='bob@acme.test']")).ToContainTextAsync("Admin, Premium → Owner, Premium");
        await IdentityAndAccessScreen.ConfirmAsync(alice);
        await IdentityAndAccessScreen.ChooseBreakGlassOwnerAsync(alice, "bob@acme.test");
        diff = await IdentityAndAccessScreen.ReviewAsync(alice);
        await Expect(diff.GetByTestId("diff-no-changes")).ToBeVisibleAsync();
        await IdentityAndAccessScreen.ConfirmAsync(alice);

        // (b) Later the IdP drops Alice from the owners group: the push demotes her, and the page tells her what to do.
        await idp.RemoveFromGroupAsync(OwnerGroup, "alice@acme.test");
        await alice.ReloadAsync();
        await PortalPage.WaitInteractiveAsync(alice);
        // As a parent admin she still sees the page; the organization's own settings are read-only, saying why and what to do.
        var denied = alice.GetByTestId("organization-sso-read-only");
        await Expect(denied).ToContainTextAsync("Your role in Acme is User.");
        await Expect(denied).ToContainTextAsync("your IdP administrator adds you back to the group mapped to Owner, then another Admin or Owner presses Sync now");
        await Expect(denied).ToContainTextAsync("Another Admin or Owner can also give your role back on the Members page (Restore previous role); sync keeps it until your groups grant it.");
        await Screenshots.SaveAsync(alice, "journey-08-lost-owner");

        // Option 1: another Owner gives the previous role back on the Members page; it is kept by hand.
        var bob = await portal.NewPageAsync();
        await PortalPage.SignInAsync(bob, "bob@acme.test", $"/orgs/{portal.Demo.AcmeChat}/members");
        await Expect(MembersScreen.Row(bob, "Alice Anders")).ToContainTextAsync("User");
        await MembersScreen.RestorePreviousRoleAsync(bob, "Alice Anders", "Owner");
        await Expect(MembersScreen.Row(bob, "Alice Anders")).ToContainTextAsync("Owner");
        await Expect(MembersScreen.Row(bob, "Alice Anders").GetByTestId("role-override-chip")).ToHaveTextAsync("Kept by hand");
        await Screenshots.SaveAsync(bob, "journey-08-option-1-restored-by-another-owner");
        await alice.ReloadAsync();
        await PortalPage.WaitInteractiveAsync(alice);
        await Expect(alice.GetByTestId("save-changes")).ToBeVisibleAsync();

        // While the IdP still leaves her out of the owners group, "Why this role?" says the role is kept by hand, and Sync now keeps it.
        var why = await MembersScreen.OpenMemberAsync(bob, "Alice Anders");
        await Expect(why.GetByTestId("outcome-explanation")).ToContainTextAsync("Owner · Premium seat · Active");
        await Expect(why).ToContainTextAsync("Role kept by hand: Owner, set by Bob Brown on");
        await Expect(why).ToContainTextAsync("kept until the IdP grants the same role or an Owner clears it.");
        await Expect(why).Not.ToContainTextAsync("The stored membership differs");
        await IdentityAndAccessScreen.OpenAsync(bob, portal.Demo.AcmeChat);
        await IdentityAndAccessScreen.SyncNowAsync(bob, expectedChanges: 0);
        await MembersScreen.OpenAsync(bob, portal.Demo.AcmeChat);
        await Expect(MembersScreen.Row(bob, "Alice Anders")).ToContainTextAsync("Owner");

        // Option 2: the IdP admin puts Alice back in the owners group and the IdP pushes it: the IdP now grants Owner itself,
        // so the role kept by hand is no longer needed and goes (audited); Sync now has nothing left to do.
        await idp.AddToGroupAsync(OwnerGroup, "alice@acme.test");
        await IdentityAndAccessScreen.OpenAsync(bob, portal.Demo.AcmeChat);
        await IdentityAndAccessScreen.SyncNowAsync(bob, expectedChanges: 0);
        await MembersScreen.OpenAsync(bob, portal.Demo.AcmeChat);
        await Expect(MembersScreen.Row(bob, "Alice Anders")).ToContainTextAsync("Owner");
        await Expect(MembersScreen.Row(bob, "Alice Anders").GetByTestId("role-override-chip")).ToHaveCountAsync(0);
        why = await MembersScreen.OpenMemberAsync(bob, "Alice Anders");
        await Expect(why).ToContainTextAsync($"Groups '{OwnerGroup}' → Owner, 'anthropic-claude-users' → User; the most permissive wins: Owner.");
        await Expect(why).Not.ToContainTextAsync("The stored membership differs");
        await Screenshots.SaveAsync(bob, "journey-08-option-2-restored-by-the-idp", fullPage: true);

        // (c) The IdP drops Bob from every role group. He is the break-glass owner: still Owner, and he still gets in.
        await idp.RemoveFromGroupAsync(OwnerGroup, "bob@acme.test");
        await idp.RemoveFromGroupAsync("anthropic-claude-admins", "bob@acme.test");
        var breakGlass = await portal.NewPageAsync();
        await PortalPage.SignInAsync(breakGlass, "bob@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(breakGlass.GetByRole(AriaRole.Heading, new() { Name = "Identity and access", Level = 1 })).ToBeVisibleAsync();
        await MembersScreen.OpenAsync(breakGlass, portal.Demo.AcmeChat);
        await Expect(MembersScreen.Row(breakGlass, "Bob Brown")).ToContainTextAsync("Owner");
        why = await MembersScreen.OpenMemberAsync(breakGlass, "Bob Brown");
        await Expect(why).ToContainTextAsync("Break-glass owner: exempt from sync and group mappings, so an owner can always get in.");
        await Screenshots.SaveAsync(breakGlass, "journey-08-break-glass-owner", fullPage: true);
    }
}
