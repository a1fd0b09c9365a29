using IdentityAccess.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.SetupGuide;

/// <summary>
/// Step 2, "Set up SCIM directory sync": the owner opens "Set up SCIM", copies the tenant URL and a new secret token
/// into the IdP, and the IdP's pushes with exactly that token show up on the portal: in the directory, in sync health,
/// and as members once the organization uses directory sync.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SetUpDirectorySyncJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_CopiesEndpointAndToken_IdpPushesWithThem_PeopleAndGroupsAppear()
    {
        var page = await portal.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = portal.BaseUrl });
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var globalSso = page.GetByTestId("global-sso");
        await Expect(globalSso.GetByRole(AriaRole.Heading, new() { Name = "Global SSO configuration" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("scim-status")).ToHaveTextAsync("Not configured");
        await Expect(globalSso).ToContainTextAsync("8 people in the directory"); // the demo IdP's earlier pushes

        // 2.2 "Set up SCIM" next to Directory sync (SCIM): the tenant URL to copy.
        var endpoint = $"{portal.BaseUrl}/scim/v2";
        await page.GetByTestId("set-up-scim").ClickAsync();
        var dialog = IdentityAndAccessSteps.ScimSetupDialog(page);
        await Expect(dialog.GetByLabel("SCIM endpoint (tenant URL)")).ToHaveValueAsync(endpoint);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy the endpoint URL" }).ClickAsync();
        Assert.Equal(endpoint, await ClipboardAsync(page, endpoint));

        // A secret token, shown once, copied for the IdP's provisioning settings.
        await dialog.GetByTestId("scim-generate").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Copy this token now: it is shown only once and stored only as a hash.");
        var shown = await dialog.GetByLabel("Secret token").InputValueAsync();
        Assert.StartsWith("ia_scim_", shown, StringComparison.Ordinal);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy the token" }).ClickAsync();
        var token = await ClipboardAsync(page, shown);
        await Expect(dialog.GetByTestId("scim-tokens")).ToContainTextAsync(token[..12]);
        await Expect(dialog.GetByTestId("scim-tokens")).ToContainTextAsync("never");
        await Screenshots.SaveAsync(page, "journey-02-scim-endpoint-and-token");
        await IdentityAndAccessSteps.CloseScimSetupAsync(page);
        await Expect(page.GetByTestId("set-up-scim")).ToHaveTextAsync("Manage SCIM");
        await Expect(page.GetByTestId("sync-health").GetByTestId("last-request")).ToHaveTextAsync("Never");

        // 2.3 The IdP, configured with what was copied, assigns two people and pushes a group with them.
        using (var idp = new ScimIdpClient(endpoint.Replace("/scim/v2", "", StringComparison.Ordinal), token))
        {
            var olivia = await idp.AssignUserAsync("olivia@acme.test", "Olivia Olsen");
            var paul = await idp.AssignUserAsync("paul@acme.test", "Paul Park");
            await idp.PushGroupAsync("anthropic-claude-design", olivia, paul);
        }

        await portal.Factory.Services.FlushProvisioningLogAsync();
        await page.ReloadAsync();
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(globalSso).ToContainTextAsync("10 people in the directory");
        var health = page.GetByTestId("sync-health");
        await Expect(health.Locator($"[data-token='{token[..12]}']")).ToBeVisibleAsync();
        await Expect(health.GetByTestId("last-request")).ToHaveTextAsync("just now");
        await Expect(health.GetByTestId("last-day")).ToHaveTextAsync("3 requests, 0 errors");
        var known = page.GetByTestId("not-members"); // "Known to your IdP, not members": still Manual, so nobody is added yet
        await Expect(known.Locator("[data-person='olivia@acme.test']")).ToContainTextAsync("Not provisioned");
        await Expect(known.Locator("[data-person='paul@acme.test']")).ToContainTextAsync("Manual provisioning: people are added by hand.");
        await Screenshots.SaveAsync(page, "journey-02-idp-pushed", fullPage: true);

        // The sync log names what each push changed: the group arrived with both people in it.
        await health.GetByTestId("view-sync-log").ClickAsync();
        await PortalPage.WaitInteractiveAsync(page);
        var log = page.GetByTestId("provisioning-log").Locator("tbody tr");
        await Expect(log).ToHaveCountAsync(4); // the three pushes, and before them Alice's own SSO sign-in
        await Expect(log.Nth(3)).ToContainTextAsync("alice@acme.test");
        await Expect(log.First).ToContainTextAsync("POST /scim/v2/Groups");
        await Expect(log.First.GetByTestId("log-summary")).ToHaveTextAsync("Created group 'anthropic-claude-design': +2 members");
        await Expect(log.Nth(2).GetByTestId("log-summary")).ToContainTextAsync("Created user olivia@acme.test");
        await page.GoBackAsync();
        await PortalPage.WaitInteractiveAsync(page);

        // The IdP is connected: switch to directory sync and save, and the directory's people become members.
        await IdentityAndAccessSteps.ChooseModeAsync(page, "Directory sync (SCIM)");
        var diff = await IdentityAndAccessSteps.ReviewAsync(page);
        await Expect(diff.Locator("[data-change=Provision] [data-person='olivia@acme.test']")).ToContainTextAsync("not a member → User, Premium");
        await Expect(diff.GetByTestId("diff-count-Provision")).ToHaveTextAsync("6"); // Olivia, Paul and the four the demo IdP assigned earlier
        await IdentityAndAccessSteps.ConfirmAsync(page, "Settings saved. 6 membership changes applied.");
        await Expect(page.GetByTestId("not-members")).ToHaveCountAsync(0);

        // Under directory sync a new assignment is provisioned as it arrives, without anyone signing in.
        using (var idp = new ScimIdpClient(portal.BaseUrl, token))
        {
            var quinn = await idp.AssignUserAsync("quinn@acme.test", "Quinn Quade");
            await idp.AddToGroupAsync(await idp.FindGroupIdAsync("anthropic-claude-design"), quinn);
        }

        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/members");
        await PortalPage.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = "Quinn Quade" })).ToContainTextAsync("SCIM sync");
        await Expect(rows.Filter(new() { HasText = "Olivia Olsen" })).ToContainTextAsync("SCIM sync");
        await Expect(rows.Filter(new() { HasText = "Paul Park" })).ToContainTextAsync("Premium");
        await Expect(rows).ToHaveCountAsync(11);
        await Screenshots.SaveAsync(page, "journey-02-members-from-scim");
    }

    // The copy buttons go through a server round trip to navigator.clipboard: wait until the expected text arrives.
    private static async Task<string> ClipboardAsync(IPage page, string expected)
    {
        // Polled from here: a predicate returning a promise is truthy at once, so the copy's async write could still be
        // on its way (seen once under load: the endpoint copied before was read back instead of the token).
        var text = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        for (var attempt = 0; text != expected && attempt < 100; attempt++)
        {
            await page.WaitForTimeoutAsync(100);
            text = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        }

        return text;
    }
}
