using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>
/// Help article, troubleshooting 2: "Users are not being provisioned with the correct role". Check the person's group in the
/// IdP and the group's mapping; then, for SCIM, "Sync now"; for JIT, the person signs out and in again. The SCIM journey runs
/// on Acme and the JIT journey on Acme Console, so the two tests of this class leave each other's organization alone.
/// </summary>
[Trait("Category", "Browser")]
public sealed class WrongRoleJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Scim_WhyThisRoleNamesTheGroup_IdpAdminFixesTheGroupAndPushes_SyncNowLeavesTheRightRole()
    {
        using var idp = await ScimIdp.ConnectAsync(portal); // "Configured": Sync now is offered
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await IdentityAndAccessScreen.ChooseModeAsync(page, "Directory sync (SCIM)");
        await IdentityAndAccessScreen.TurnOnGroupMappingsAsync(page);
        await IdentityAndAccessScreen.MapAsync(page, "Owner", "anthropic-claude-owners");
        await IdentityAndAccessScreen.MapAsync(page, "Admin", "anthropic-claude-admins");
        await IdentityAndAccessScreen.MapAsync(page, "User", "anthropic-claude-users");
        await IdentityAndAccessScreen.ReviewAsync(page);
        await IdentityAndAccessScreen.ConfirmAsync(page);

        // 1. Carol now leads a team and should be Admin, but is User. "Why this role?" names the group and its mapping.
        await MembersScreen.OpenAsync(page, portal.Demo.AcmeChat);
        await Expect(MembersScreen.Row(page, "Carol Chen")).ToContainTextAsync("User");
        var why = await MembersScreen.OpenMemberAsync(page, "Carol Chen");
        await Expect(why).ToContainTextAsync("Directory sync (SCIM), advanced group mappings on");
        await Expect(why).ToContainTextAsync("Group 'anthropic-claude-users' → User.");
        await Expect(why).ToContainTextAsync("Directory sync: role and tier follow group membership.");
        await Expect(why).ToContainTextAsync("with directory sync, run Sync now");
        await Screenshots.SaveAsync(page, "journey-07-scim-why-this-role", fullPage: true);

        // 2. The IdP admin adds Carol to the admins group in the IdP, and the IdP pushes the change to the portal.
        await DemoIdpScreen.OpenAsync(page);
        await DemoIdpScreen.SetGroupMemberAsync(page, "anthropic-claude-admins", "carol@acme.test", member: true);
        await DemoIdpScreen.PushAsync(page, "Acme Corporation");
        await Screenshots.SaveAsync(page, "journey-07-scim-idp-push", fullPage: true);

        // 3. "Sync now": the push already reconciled Carol, so the full sync finds nothing left to change.
        await IdentityAndAccessScreen.OpenAsync(page, portal.Demo.AcmeChat);
        await IdentityAndAccessScreen.SyncNowAsync(page, expectedChanges: 0);

        // 4. Carol is Admin, and "Why this role?" says which of her groups won.
        await MembersScreen.OpenAsync(page, portal.Demo.AcmeChat);
        await Expect(MembersScreen.Row(page, "Carol Chen")).ToContainTextAsync("Admin");
        why = await MembersScreen.OpenMemberAsync(page, "Carol Chen");
        await Expect(why).ToContainTextAsync("Groups 'anthropic-claude-admins' → Admin, 'anthropic-claude-users' → User; the most permissive wins: Admin.");
        await Screenshots.SaveAsync(page, "journey-07-scim-role-fixed", fullPage: true);
    }

    [Fact]
    public async Task Jit_WhyThisRoleNamesTheGroup_IdpAdminFixesTheGroup_PersonSignsOutAndInAndHasTheRightRole()
    {
        var owner = await portal.NewPageAsync();
        await PortalPage.SignInAsync(owner, "alice@acme.test", $"/orgs/{portal.Demo.AcmeConsole}/identity");
        await IdentityAndAccessScreen.ChooseModeAsync(owner, "Just in time (JIT)");
        await IdentityAndAccessScreen.TurnOnGroupMappingsAsync(owner);
        await IdentityAndAccessScreen.MapAsync(owner, "Admin", "anthropic-console-admins");
        await IdentityAndAccessScreen.MapAsync(owner, "Developer", "anthropic-console-developers");
        await IdentityAndAccessScreen.MapAsync(owner, "Claude Code User", "anthropic-claude-users");
        await IdentityAndAccessScreen.ReviewAsync(owner);
        await IdentityAndAccessScreen.ConfirmAsync(owner);

        // 1. Erin now runs the platform team and should be Admin. Signing in through the IdP gives her Developer.
        var erin = await portal.NewPageAsync();
        await PortalPage.SignInAsync(erin, "erin@acme.test", $"/orgs/{portal.Demo.AcmeConsole}/identity");
        await Expect(erin.GetByTestId("access-denied")).ToContainTextAsync("Your role in Acme Console is Developer.");

        // 2. "Why this role?" names the group her sign-in carried and its mapping.
        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeConsole);
        var why = await MembersScreen.OpenMemberAsync(owner, "Erin Evans");
        await Expect(why).ToContainTextAsync("Just in time (JIT), advanced group mappings on");
        await Expect(why).ToContainTextAsync("Group 'anthropic-console-developers' → Developer.");
        await Expect(why).ToContainTextAsync("With JIT the person signs out and in again");
        await Screenshots.SaveAsync(owner, "journey-07-jit-why-this-role", fullPage: true);

        // 3. The IdP admin adds Erin to the Console admins group in the IdP's directory.
        await DemoIdpScreen.OpenAsync(owner);
        await DemoIdpScreen.SetGroupMemberAsync(owner, "anthropic-console-admins", "erin@acme.test", member: true);

        // 4. Erin signs out and in again: the new assertion carries the admins group, and she gets in as Admin.
        await SignInSteps.SignOutAsync(erin);
        await PortalPage.SignInAsync(erin, "erin@acme.test", $"/orgs/{portal.Demo.AcmeConsole}/identity");
        await Expect(erin.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Identity and access", Level = 1 })).ToBeVisibleAsync();
        await Expect(erin.GetByTestId("access-denied")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(erin, "journey-07-jit-signed-in-again");

        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeConsole);
        await Expect(MembersScreen.Row(owner, "Erin Evans")).ToContainTextAsync("Admin");
        why = await MembersScreen.OpenMemberAsync(owner, "Erin Evans");
        await Expect(why).ToContainTextAsync("Groups 'anthropic-console-admins' → Admin, 'anthropic-console-developers' → Developer; the most permissive wins: Admin.");
        await Screenshots.SaveAsync(owner, "journey-07-jit-role-fixed", fullPage: true);
    }
}
