using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Alice, Acme's parent admin, about to cut people off: turning SSO off and removing the verified domain each show who
/// depends on it first, a cancel changes nothing, and only the typed confirmation goes through.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CutOffPreviewJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ParentAdmin_TurnsSsoOff_CancelsFirst_ThenConfirmsWithTheNumberOfPeople()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var sso = page.Locator("input[data-testid=sso-enabled], [data-testid=sso-enabled] input").First;
        await Expect(sso).ToBeCheckedAsync();

        await PortalPage.PressUntilAsync(sso, () => page.GetByTestId("sso-disable-dialog").CountAsync());
        await Expect(page.GetByTestId("sso-disable-impact")).ToContainTextAsync("People who sign in through your IdP today");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep SSO on" }).ClickAsync();
        await Expect(page.GetByTestId("sso-disable-dialog")).ToHaveCountAsync(0);
        await Expect(sso).ToBeCheckedAsync(); // a cancelled "off" shows on again

        await sso.ClickAsync();
        var people = (await page.GetByTestId("sso-disable-people").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("confirm-sso-disable")).ToBeDisabledAsync();
        await page.GetByLabel($"Type {people} to confirm").FillAsync(people);
        await Screenshots.SaveAsync(page, "sso-disable-confirmation");
        await page.GetByTestId("confirm-sso-disable").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("SSO turned off.");
        await Expect(page.Locator("input[data-testid=sso-enabled], [data-testid=sso-enabled] input").First).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task ParentAdmin_RemovesTheVerifiedDomainByTypingIt_ThenReAddingItGivesTheSameTxtRecord()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var row = page.Locator("tr[data-domain='acme.test']");
        var txt = await row.Locator("code").TextContentAsync();

        await PortalPage.PressUntilAsync(page.GetByRole(AriaRole.Button, new() { Name = "Remove acme.test" }),
            () => page.GetByTestId("domain-removal-dialog").CountAsync());
        await Expect(page.GetByTestId("domain-removal-impact")).ToContainTextAsync("last verified domain");
        await Expect(page.GetByTestId("confirm-domain-removal")).ToBeDisabledAsync();
        await page.GetByLabel("Type acme.test to confirm").FillAsync("acme.test");
        await Screenshots.SaveAsync(page, "domain-removal-confirmation");
        await page.GetByTestId("confirm-domain-removal").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        await page.GetByLabel("Email domain").FillAsync("acme.test");
        await page.GetByTestId("add-domain").ClickAsync();
        await Expect(row.Locator("code")).ToHaveTextAsync(txt!);
    }
}
