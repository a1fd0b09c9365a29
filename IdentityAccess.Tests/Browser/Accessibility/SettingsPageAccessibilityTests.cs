using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>axe-core's WCAG 2.1 A/AA rules over the Identity and access page in every mode, with every panel and dialog open.</summary>
[Trait("Category", "Browser")]
public sealed class SettingsPageAccessibilityTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SettingsPage_EachModeWithPanelsAndDialogs_BreaksNoWcagRule()
    {
        var axe = new AxeReport();
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the settings page in Manual mode");
        await Screenshots.SaveAsync(page, "a11y-settings-manual");

        // Custom SAML attribute names, and a what-if answer, open too.
        await page.GetByTestId("saml-preset").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Custom" }).First.ClickAsync();
        await Expect(page.GetByTestId("saml-connection").GetByTestId("custom-attributes")).ToBeVisibleAsync();
        await page.GetByLabel("Person's email").FillAsync("erin@acme.test");
        await page.GetByTestId("what-if-run").ClickAsync();
        await Expect(page.GetByTestId("outcome-explanation")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the settings page with custom SAML attributes and a what-if answer");

        // The mode list, open.
        await page.GetByTestId("mode-select").ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the provisioning mode list");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Just in time (JIT)" }).First.ClickAsync();
        await page.GetByLabel("Advanced group mappings").CheckAsync();
        await Expect(page.GetByTestId("role-mappings")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the settings page in JIT mode with advanced group mappings");

        // SCIM with a token: the sync health panel shows too.
        await page.GetByTestId("set-up-scim").ClickAsync();
        await page.GetByTestId("scim-generate").ClickAsync();
        await Expect(page.GetByLabel("Secret token")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ia_scim_"));
        await axe.CheckAsync(page, "the SCIM setup dialog with a new token");
        await Screenshots.SaveAsync(page, "a11y-scim-setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(page.GetByTestId("sync-health")).ToBeVisibleAsync();

        await page.GetByTestId("mode-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Directory sync (SCIM)" }).First.ClickAsync();
        await page.GetByLabel("Advanced group mappings").CheckAsync(); // closing the SCIM dialog reloaded the saved settings
        await page.GetByTestId("add-group-Owner").ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-menu-item").First).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the add-group menu");
        await page.Locator(".mud-popover-open .mud-menu-item").Filter(new() { HasText = "anthropic-claude-owners" }).ClickAsync();
        await Expect(page.Locator("[data-role=Owner]")).ToContainTextAsync("anthropic-claude-owners");
        await axe.CheckAsync(page, "the settings page in SCIM mode with a mapped group");
        await Screenshots.SaveAsync(page, "a11y-settings-scim", fullPage: true);

        await page.GetByTestId("save-changes").ClickAsync();
        await Expect(page.GetByTestId("diff-dialog")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the save diff dialog");
        await Screenshots.SaveAsync(page, "a11y-settings-diff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByTestId("diff-dialog")).ToHaveCountAsync(0);

        axe.AssertClean();
    }

    [Fact]
    public async Task AxeCore_PageWithKnownFaults_NamesEachRuleAndElement()
    {
        var page = await portal.NewPageAsync();
        await page.SetContentAsync(
            """
            <html lang="en"><head><title>Faults</title></head>
            <body><main><input id="nameless"><p style="color:#bbb;background:#fff">Faint text</p><button id="empty"></button></main></body></html>
            """);

        var violations = await AxeCore.RunAsync(page);

        Assert.Contains(violations, v => v.Id == "label" && v.Nodes.Any(n => n.Target == "#nameless"));
        Assert.Contains(violations, v => v.Id == "button-name" && v.Nodes.Any(n => n.Target == "#empty"));
        Assert.Contains(violations, v => v.Id == "color-contrast");
        var report = AxeCore.Describe("a page with faults", violations);
        Assert.Contains("button-name (critical): Buttons must have discernible text", report, StringComparison.Ordinal);
        Assert.Contains("at #empty", report, StringComparison.Ordinal);
    }
}
