using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.SetupGuide;

/// <summary>
/// Step 1, "Choose your provisioning mode": Manual and JIT on every plan; SCIM only for Enterprise organizations and
/// Console organizations not joined to a Team plan's parent. Each owner sees what their plan allows, and why not.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ChooseProvisioningModeJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string TeamReason =
        "Directory sync (SCIM) is available on Enterprise plans only. Team plans can use Manual or Just in time (JIT) provisioning.";

    private const string ConsoleUnderTeamReason =
        "Directory sync (SCIM) is not available to Console organizations joined to a Team plan's parent organization. " +
        "It needs an Enterprise parent, or the Console organization's own parent.";

    [Fact]
    public async Task TeamOrganization_SeesScimDisabledWithTheReason_AndCanChooseJit()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "grace@globex.test", $"/orgs/{portal.Demo.GlobexTeam}/identity");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Identity and access" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Team plan · parent: Globex (Team)")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mode-unavailable-reason")).ToHaveTextAsync(TeamReason);

        await page.GetByTestId("mode-select").ClickAsync();
        await ExpectOptionsAsync(page, allowed: ["Manual", "Just in time (JIT)"], disabled: "Directory sync (SCIM)");
        await Expect(IdentityAndAccessSteps.ModeOption(page, "Directory sync (SCIM)")).ToContainTextAsync(TeamReason);
        await Screenshots.SaveAsync(page, "journey-01-team-scim-unavailable");

        await IdentityAndAccessSteps.ModeOption(page, "Just in time (JIT)").ClickAsync();
        await Expect(page.GetByTestId("organization-sso"))
            .ToContainTextAsync("People assigned to your IdP app are created when they first sign in through SSO.");
    }

    [Fact]
    public async Task ConsoleOrganizationUnderTeamParent_SeesScimDisabledWithTheReason()
    {
        Guid globexConsole;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            globexConsole = await GlobexConsoleOrganization.AddAsync(db, portal.Demo.Person("grace@globex.test"));
        }

        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "grace@globex.test", $"/orgs/{globexConsole}/identity");
        await Expect(page.GetByText("Console · parent: Globex (Team)")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mode-unavailable-reason")).ToHaveTextAsync(ConsoleUnderTeamReason);

        await page.GetByTestId("mode-select").ClickAsync();
        await ExpectOptionsAsync(page, allowed: ["Manual", "Just in time (JIT)"], disabled: "Directory sync (SCIM)");
        await Expect(IdentityAndAccessSteps.ModeOption(page, "Directory sync (SCIM)")).ToContainTextAsync(ConsoleUnderTeamReason);
        await Screenshots.SaveAsync(page, "journey-01-console-under-team-scim-unavailable");
    }

    [Fact]
    public async Task EnterpriseOrganization_CanChooseEachOfTheThreeModes()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(page.GetByText("Enterprise plan · parent: Acme Corporation (Enterprise)")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mode-unavailable-reason")).ToHaveCountAsync(0);

        await page.GetByTestId("mode-select").ClickAsync();
        await ExpectOptionsAsync(page, allowed: ["Manual", "Just in time (JIT)", "Directory sync (SCIM)"], disabled: null);
        await Screenshots.SaveAsync(page, "journey-01-enterprise-all-modes");
        await page.Keyboard.PressAsync("Escape");

        var section = page.GetByTestId("organization-sso");
        await IdentityAndAccessSteps.ChooseModeAsync(page, "Just in time (JIT)");
        await Expect(section).ToContainTextAsync("People assigned to your IdP app are created when they first sign in through SSO.");
        await IdentityAndAccessSteps.ChooseModeAsync(page, "Directory sync (SCIM)");
        await Expect(section).ToContainTextAsync("Your IdP pushes people and groups; they are provisioned without signing in.");
        await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
        await IdentityAndAccessSteps.ChooseModeAsync(page, "Manual");
        await Expect(section).ToContainTextAsync("People are added, changed and removed by hand.");
        await Expect(page.GetByTestId("unsaved")).ToHaveCountAsync(0); // back to what is saved: nothing to save
    }

    [Fact]
    public async Task ConsoleOrganizationUnderEnterpriseParent_CanChooseScim()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeConsole}/identity");
        await Expect(page.GetByText("Console · parent: Acme Corporation (Enterprise)")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mode-unavailable-reason")).ToHaveCountAsync(0);

        await page.GetByTestId("mode-select").ClickAsync();
        await ExpectOptionsAsync(page, allowed: ["Manual", "Just in time (JIT)", "Directory sync (SCIM)"], disabled: null);
        await IdentityAndAccessSteps.ModeOption(page, "Directory sync (SCIM)").ClickAsync();
        await Expect(page.GetByTestId("organization-sso")).ToContainTextAsync("Your IdP pushes people and groups; they are provisioned without signing in.");
    }

    private static async Task ExpectOptionsAsync(IPage page, string[] allowed, string? disabled)
    {
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(options).ToHaveCountAsync(allowed.Length + (disabled is null ? 0 : 1));
        foreach (var mode in allowed)
        {
            await Expect(IdentityAndAccessSteps.ModeOption(page, mode)).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-list-item-disabled"));
        }

        if (disabled is not null)
        {
            await Expect(IdentityAndAccessSteps.ModeOption(page, disabled)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-list-item-disabled"));
        }
    }
}
