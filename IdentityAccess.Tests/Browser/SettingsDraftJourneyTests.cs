using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>Issue #20: the help article says not to save before assigning everyone in the IdP; a reload must not lose the choice.</summary>
[Trait("Category", "Browser")]
public sealed class SettingsDraftJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_ChoosesAMode_Reloads_TheDraftIsBackAsUnsaved_DiscardReturnsTheSavedMode()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(page.GetByTestId("mode-select")).ToContainTextAsync("Manual");

        await page.GetByTestId("mode-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Just in time (JIT)" }).First.ClickAsync();
        await Expect(page.GetByTestId("draft-kept")).ToContainTextAsync("Kept as a draft for you only");
        for (var look = 0; look < 100 && await KeptDraftsAsync() == 0; look++)
        {
            await Task.Delay(100); // the write follows the render that shows the notice
        }

        Assert.Equal(1, await KeptDraftsAsync()); // kept on the server before the reload

        await page.ReloadAsync(); // the browser asks first (NavigationLock); the fixture confirms, as a person leaving does
        await PortalPage.WaitInteractiveAsync(page);

        await Expect(page.GetByTestId("mode-select")).ToContainTextAsync("Just in time (JIT)");
        await Expect(page.GetByTestId("unsaved")).ToContainTextAsync("Unsaved changes");
        await Expect(page.GetByTestId("save-changes")).ToBeEnabledAsync();
        await Screenshots.SaveAsync(page, "settings-draft-restored");

        await page.GetByTestId("discard-draft").ClickAsync();

        await Expect(page.GetByTestId("mode-select")).ToContainTextAsync("Manual");
        await Expect(page.GetByTestId("unsaved")).ToHaveCountAsync(0);
        Assert.Equal(0, await KeptDraftsAsync());
    }

    private async Task<int> KeptDraftsAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.UnsavedSettingsDrafts.CountAsync(d => d.OrganizationId == portal.Demo.AcmeChat);
    }
}
