using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class MembersJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_SignsInAndOpensMembers_SeesSeededMembersAndSearches()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test");

        await page.GetByTestId("organization-card").Filter(new() { HasText = "Enterprise plan" })
            .GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await PortalPage.WaitInteractiveAsync(page);

        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Filter(new() { HasText = "Carol Chen" })).ToContainTextAsync("Standard");
        await Expect(page.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 10");
        await Screenshots.SaveAsync(page, "members");

        await page.GetByLabel("Search members").FillAsync("diaz");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("dave@acme.test");
    }

    [Fact]
    public async Task Owner_SwitchesOrganization_KeepsTheSection()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/members");

        await page.GetByTestId("org-switcher").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Acme Console" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{portal.BaseUrl}/orgs/{portal.Demo.AcmeConsole}/members");
        await Expect(page.GetByTestId("member-table").Locator("tbody tr").Filter(new() { HasText = "Erin Evans" })).ToContainTextAsync("Developer");
    }

    [Fact]
    public async Task ChatUser_OpensIdentitySettings_SeesAccessDeniedWithReason()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "carol@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Screenshots.SaveAsync(page, "access-denied");

        await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("Your role in Acme is User");
    }
}
