using System.Text.RegularExpressions;
using IdentityAccess.Tests.Browser.Journeys.Troubleshooting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Invitations;

/// <summary>
/// Manual mode's way in: an Owner invites someone from outside the organization's domains, who signs in with an emailed
/// link and accepts. No mail server: the emails are read from the Development mailbox, as a demo user would.
/// </summary>
[Trait("Category", "Browser")]
public sealed class InvitationJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Nina = "nina@initech.test";

    [Fact]
    public async Task OwnerInvites_InviteeSignsInByEmailLinkAndAccepts_ActiveOnTheMembersPage()
    {
        // 1. Alice, Owner of Acme (Manual mode), invites Nina as User with a Standard seat.
        var alice = await portal.NewPageAsync();
        await PortalPage.SignInAsync(alice, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/members");
        await alice.GetByTestId("invite-member").ClickAsync();
        var dialog = alice.GetByTestId("invite-member-dialog");
        await TextBox(dialog, "member-email").FillAsync(Nina);
        await TextBox(dialog, "member-name").FillAsync("Nina Newman");
        await MembersScreen.PickAsync(alice, dialog.GetByTestId("role-select"), "User");
        await PickTierAsync(alice, dialog.GetByTestId("tier-select"), "Standard");
        await Screenshots.SaveAsync(alice, "invitation-dialog");
        await alice.GetByTestId("invite-member-submit").ClickAsync();
        await Expect(alice.Locator(".mud-snackbar").Filter(new() { HasText = $"{Nina} is invited to Acme." })).ToBeVisibleAsync();
        var invitations = alice.GetByTestId("invitations-panel");
        await Expect(invitations).ToContainTextAsync("Nina Newman");
        await Expect(invitations.GetByTestId("invitation-expiry")).ToHaveTextAsync("Expires in 7 days");
        await Expect(invitations.GetByTestId("invitation-link")).ToContainTextAsync("/invitations/");
        var ninaRow = MembersScreen.Row(alice, "Nina Newman");
        await Expect(MembersScreen.StatusChip(ninaRow)).ToHaveAttributeAsync("data-status", "Invited");
        await Expect(ninaRow.GetByTestId("member-invitation-expiry")).ToHaveTextAsync("Expires in 7 days");
        await Screenshots.SaveAsync(alice, "invitation-pending", fullPage: true);
        await alice.SetViewportSizeAsync(390, 844);
        await invitations.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(alice, "invitation-pending-phone");
        await alice.SetViewportSizeAsync(1360, 1200);

        // 2. Nina finds the invitation in her mailbox and opens it; signed out, it offers to sign her in first.
        var nina = await portal.NewPageAsync();
        await nina.GotoAsync("/dev/mailbox");
        var invitation = nina.GetByTestId("mailbox-message").Filter(new() { HasText = "Alice Anders invited you to Acme" });
        await Expect(invitation).ToContainTextAsync($"To {Nina}");
        await Screenshots.SaveAsync(nina, "invitation-mailbox");
        await invitation.GetByTestId("mailbox-link").ClickAsync();
        await PortalPage.WaitInteractiveAsync(nina);
        await Expect(nina.GetByTestId("invitation-summary")).ToContainTextAsync($"Alice Anders invited {Nina} to join Acme as User (Standard seat).");
        await nina.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(nina, "invitation-sign-in-first-phone");
        await nina.SetViewportSizeAsync(1360, 1200);

        // 3. initech.test uses no SSO: she gets a sign-in link by email, which brings her back to the invitation.
        await nina.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {Nina} to accept" }).ClickAsync();
        await Expect(nina.GetByTestId("sign-in-link-sent")).ToContainTextAsync($"We sent a sign-in link to {Nina}");
        await Screenshots.SaveAsync(nina, "sign-in-link-sent");
        await nina.GotoAsync("/dev/mailbox");
        var signInLink = nina.Locator("[data-testid=mailbox-message][data-kind=SignInLink]").Filter(new() { HasText = $"To {Nina}" }).First;
        await signInLink.GetByTestId("mailbox-link").ClickAsync();
        await PortalPage.WaitInteractiveAsync(nina);
        await Screenshots.SaveAsync(nina, "sign-in-link-page");
        await nina.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {Nina}" }).ClickAsync();

        // 4. Signed in as the invited address, she accepts.
        await Expect(nina).ToHaveURLAsync(new Regex("/invitations/[A-Za-z0-9_-]{43}$"));
        await PortalPage.WaitInteractiveAsync(nina);
        await Expect(nina.GetByTestId("signed-in-as")).ToHaveTextAsync("Nina Newman"); // the name Alice typed: the invitation created the person
        await Screenshots.SaveAsync(nina, "invitation-accept");
        await nina.GetByRole(AriaRole.Button, new() { Name = "Accept and join Acme" }).ClickAsync();
        await Expect(nina.GetByTestId("invitation-joined")).ToContainTextAsync("You are now a member of Acme as User, with a Standard seat.");
        await Screenshots.SaveAsync(nina, "invitation-joined");
        await nina.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(nina, "invitation-joined-phone");

        // 5. On Alice's members page Nina is now an active member, and the invitation is gone from the list.
        await MembersScreen.OpenAsync(alice, portal.Demo.AcmeChat);
        await Expect(MembersScreen.StatusChip(MembersScreen.Row(alice, "Nina Newman"))).ToHaveAttributeAsync("data-status", "Active");
        await Expect(alice.GetByTestId("invitations-panel")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(alice, "invitation-accepted-members");
        await alice.SetViewportSizeAsync(390, 844);
        await Screenshots.SaveAsync(alice, "invitation-accepted-members-phone");
    }

    /// <summary>A tier is listed with its free seats ("Standard · 18 free").</summary>
    private static async Task PickTierAsync(IPage page, ILocator select, string tier)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{tier} ·") }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static ILocator TextBox(ILocator dialog, string testId) =>
        dialog.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
