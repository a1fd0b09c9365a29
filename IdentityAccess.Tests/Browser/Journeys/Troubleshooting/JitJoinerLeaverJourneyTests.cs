using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>
/// The help article's JIT rows with advanced group mappings: people in a mapped group are provisioned at sign-in with the
/// most permissive role of their groups; people without group access cannot sign in but stay listed until removed by
/// hand, and so do people removed from the IdP.
/// </summary>
[Trait("Category", "Browser")]
public sealed class JitJoinerLeaverJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Nina = "nina@acme.test";

    [Fact]
    public async Task NewcomerInMappedGroupSignsInWithMappedRole_LeftOutOfGroupsIsRefusedButListed_DeactivatedInIdpStaysListedUntilRemoved()
    {
        var owner = await portal.NewPageAsync();
        await PortalPage.SignInAsync(owner, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await IdentityAndAccessScreen.ChooseModeAsync(owner, "Just in time (JIT)");
        await IdentityAndAccessScreen.TurnOnGroupMappingsAsync(owner);
        await IdentityAndAccessScreen.MapAsync(owner, "Owner", "anthropic-claude-owners");
        await IdentityAndAccessScreen.MapAsync(owner, "Admin", "anthropic-claude-admins");
        await IdentityAndAccessScreen.MapAsync(owner, "User", "anthropic-claude-users");
        await IdentityAndAccessScreen.ReviewAsync(owner);
        await IdentityAndAccessScreen.ConfirmAsync(owner);

        // 1. The IdP admin adds Nina to the IdP's directory and to the admins group. Nobody touches the portal.
        await DemoIdpScreen.OpenAsync(owner);
        await DemoIdpScreen.AddPersonAsync(owner, Nina, "Nina Novak");
        await DemoIdpScreen.SetGroupMemberAsync(owner, "anthropic-claude-admins", Nina, member: true);

        // 2. Nina signs in through the IdP for the first time and lands as Admin, from her group.
        var nina = await portal.NewPageAsync();
        await PortalPage.SignInAsync(nina, Nina);
        await Expect(nina.GetByTestId("organization-card").Filter(new() { HasText = "Acme" })).ToContainTextAsync("Your role: Admin · Premium seat");
        await Screenshots.SaveAsync(nina, "journey-09-first-sign-in");

        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        var row = MembersScreen.Row(owner, "Nina Novak");
        await Expect(row).ToContainTextAsync("Admin");
        await Expect(row).ToContainTextAsync("JIT sign-in");
        await Expect(MembersScreen.StatusChip(row)).ToHaveTextAsync("Active");
        await Screenshots.SaveAsync(owner, "journey-09-provisioned-with-mapped-role", fullPage: true);

        // 3. The IdP admin takes Nina out of the admins group. At her next sign-in the portal refuses her and says why.
        await DemoIdpScreen.OpenAsync(owner);
        await DemoIdpScreen.SetGroupMemberAsync(owner, "anthropic-claude-admins", Nina, member: false);
        await SignInSteps.SignOutAsync(nina);
        var refusal = await SignInSteps.SignInRefusedAsync(nina, Nina);
        await Expect(refusal).ToContainTextAsync("You are not in a group that grants access to Acme");
        await Expect(refusal).ToContainTextAsync("Ask your administrator to add you to the right group, then sign in again.");
        await Screenshots.SaveAsync(nina, "journey-09-refused");

        // ...but she stays listed, blocked from signing in, until someone removes her.
        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        await Expect(MembersScreen.StatusChip(row)).ToHaveTextAsync("Sign-in blocked");
        var why = await MembersScreen.OpenMemberAsync(owner, "Nina Novak");
        await Expect(why).ToContainTextAsync("In no group mapped to a role: cannot sign in, but stays listed until removed.");

        // 4. The IdP admin deactivates Nina: the IdP no longer offers to sign her in. The portal still lists her.
        await DemoIdpScreen.OpenAsync(owner);
        await DemoIdpScreen.DeactivateAsync(owner, Nina);
        await SignInSteps.OpenDemoIdpAsync(nina, Nina);
        await Expect(nina.GetByRole(AriaRole.Button, new() { Name = "Sign in as bob@acme.test", Exact = true })).ToBeVisibleAsync();
        await Expect(nina.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {Nina}", Exact = true })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(nina, "journey-09-idp-no-longer-offers");

        await MembersScreen.OpenAsync(owner, portal.Demo.AcmeChat);
        await Expect(MembersScreen.StatusChip(row)).ToHaveTextAsync("Sign-in blocked");
        await Screenshots.SaveAsync(owner, "journey-09-still-listed", fullPage: true);

        // 5. JIT never removes anyone: the owner removes her by hand, and her seat is freed.
        await MembersScreen.RemoveAsync(owner, "Nina Novak");
        await Expect(row).ToHaveCountAsync(0);
    }
}
