using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>A newcomer's first minutes with the built-in demo IdP: its directory page, a SCIM push, and signing in through it.</summary>
[Trait("Category", "Browser")]
public sealed class DemoIdpJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Newcomer_AddsPersonToTheDemoDirectory_PushesItToTheAppsScimEndpoint()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/demo-idp");
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("demo-idp-badge")).ToContainTextAsync("Demo identity provider — Development only");

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("olga@acme.test");
        await page.GetByLabel("Display name", new() { Exact = true }).FillAsync("Olga Ortiz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(page.Locator("[data-testid=demo-person][data-email='olga@acme.test']")).ToContainTextAsync("Active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Push to SCIM: Acme Corporation" }).ClickAsync();

        await Expect(page.GetByTestId("push-summary")).ToContainTextAsync("Users: 2 created"); // Olga, and Oscar (in the demo IdP, not in the seeded directory)
        await Expect(page.GetByTestId("push-summary")).ToContainTextAsync("0 error(s)");
        await Screenshots.SaveAsync(page, "demo-idp", fullPage: true);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var olga = await db.DirectoryUsers.SingleAsync(u => u.UserName == "olga@acme.test");
        Assert.True(olga.Active);
        Assert.Equal("Olga Ortiz", olga.DisplayName);
    }

    [Fact]
    public async Task Member_SignsInFromTheSignInPage_ThroughTheDemoIdpAndTheRealAcs()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("demo-idp-badge")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "sign-in");

        await page.GetByText("Sign in with the demo identity provider (globex.test)").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/demo-idp/sso\\?tenant=globex.test&SAMLRequest="));
        await Expect(page.GetByTestId("demo-idp-badge")).ToHaveTextAsync("Demo identity provider — Development only");
        await Screenshots.SaveAsync(page, "demo-idp-sso");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as grace@globex.test", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Grace");
        await Expect(page).ToHaveURLAsync(portal.BaseUrl + "/");
    }
}
