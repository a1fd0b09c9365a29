using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.Browser.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Issue #20: the help article walked on a phone. At 360 and 390 px wide no page scrolls sideways, and every action the
/// article names (Set up SCIM, Sync now, each mapping's Add, a domain's Remove, Save changes, Sign out) sits inside the
/// screen's width and takes a press. At 1440 px the app bar keeps its desktop controls.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PhoneLayoutTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    // Every fault of a walk, not only the first: a phone layout is fixed page by page.
    private readonly List<string> _faults = [];

    [Theory]
    [InlineData(360, 740)]
    [InlineData(390, 844)]
    public async Task Owner_OnAPhone_ReachesEveryActionOfEachPage_NothingScrollsSideways(int width, int height)
    {
        await ArrangeDirectorySyncOnceAsync();
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test");
        await page.SetViewportSizeAsync(width, height);

        await OpenAsync(page, "/");
        await AssertNoSidewaysScrollAsync(page, "home");
        await Screenshots.SaveAsync(page, $"phone-{width}-home", fullPage: true);

        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync();
        var mappings = page.GetByLabel("Advanced group mappings");
        if (!await mappings.IsCheckedAsync())
        {
            await mappings.CheckAsync(); // also gives Save changes something to save
        }

        await Expect(page.GetByTestId("role-mappings")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "identity and access");
        await AssertReachableAsync(page, page.GetByTestId("set-up-scim"), "Manage SCIM");
        await AssertReachableAsync(page, page.GetByTestId("sync-now"), "Sync now");
        var adds = page.Locator("[data-testid=role-mappings] [data-testid^=add-group-], [data-testid=tier-mappings] [data-testid^=add-group-]");
        Assert.True(await adds.CountAsync() >= 5, "every role and tier has its Add");
        for (var i = 0; i < await adds.CountAsync(); i++)
        {
            await AssertReachableAsync(page, adds.Nth(i), $"mapping Add #{i}");
        }

        await AssertReachableAsync(page, page.GetByTestId("domains").GetByRole(AriaRole.Button, new() { Name = "Remove acme.test" }), "domain Remove");
        await AssertReachableAsync(page, page.GetByTestId("save-changes"), "Save changes");
        await Screenshots.SaveAsync(page, $"phone-{width}-identity", fullPage: true);

        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/members");
        await Expect(page.GetByTestId("member-table").Locator("tbody tr").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "members");
        await AssertReachableAsync(page, page.GetByTestId("add-member"), "Add member");
        await AssertReachableAsync(page, page.GetByTestId("invite-member"), "Invite");
        await AssertReachableAsync(page, page.GetByTestId("member-actions").First, "a member's actions");
        await Screenshots.SaveAsync(page, $"phone-{width}-members", fullPage: true);

        await OpenAsync(page, $"/parents/{portal.Demo.AcmeParent}");
        await Expect(page.GetByTestId("parent-organizations")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "parent");
        await AssertReachableAsync(page, page.GetByTestId("create-organization"), "Create organization");
        await AssertReachableAsync(page, page.GetByTestId("sync-now"), "Sync now on the parent");
        await Screenshots.SaveAsync(page, $"phone-{width}-parent", fullPage: true);

        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/directory-sync");
        await Expect(page.GetByTestId("provisioning-log").Locator("tbody tr").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "directory sync log");
        await Screenshots.SaveAsync(page, $"phone-{width}-sync-log", fullPage: true);

        // The account menu holds what the bar has no room for: Sign out, the sessions, the language.
        await PortalPage.PressUntilAsync(page.GetByTestId("account-menu").GetByRole(AriaRole.Button).First, () => page.GetByTestId("account-sign-out").CountAsync());
        await AssertReachableAsync(page, page.GetByTestId("account-sign-out"), "Sign out");
        await AssertReachableAsync(page, page.Locator(".mud-popover-open [data-testid=sign-out-everywhere]"), "Sign out everywhere");
        await AssertReachableAsync(page, page.Locator(".mud-popover-open [data-testid=language-pt-BR]"), "Português");
        await Expect(page.GetByTestId("open-sessions")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "the open account menu");
        await Screenshots.SaveAsync(page, $"phone-{width}-account-menu");

        Assert.True(_faults.Count == 0, string.Join("\n", _faults));
        await page.GetByTestId("account-sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
    }

    [Fact]
    public async Task SignedOut_OnAPhone_SeesTheLanguagePicker_AndNoAccountMenu()
    {
        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(page);

        await AssertReachableAsync(page, page.GetByTestId("language-menu"), "the language picker");
        await Expect(page.GetByTestId("account-menu")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(page, "sign-in");
        Assert.Empty(_faults);
    }

    [Fact]
    public async Task Owner_OnADesktop_KeepsSignOutLanguageAndSessionsInTheBar_WithoutTheAccountMenu()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test");
        await page.SetViewportSizeAsync(1440, 900);
        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync();

        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        await Expect(page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("language-menu")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sessions-menu")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("account-menu")).ToBeHiddenAsync();
        await AssertNoSidewaysScrollAsync(page, "desktop identity and access");
        await Screenshots.SaveAsync(page, "desktop-1440-identity");
        Assert.Empty(_faults);
    }

    private async Task ArrangeDirectorySyncOnceAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        if (await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ProvisioningMode).SingleAsync() != ProvisioningMode.Scim)
        {
            await AcmeOnDirectorySync.ArrangeAsync(portal);
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await PortalPage.WaitInteractiveAsync(page);
    }

    private async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        // The widest elements name the fault: those whose right edge passes the window's.
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const width = window.innerWidth;
              if (document.documentElement.scrollWidth <= width + 1) return [];
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length > 0)
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 1)
                .slice(0, 4)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 3).join('.')}[${e.getAttribute('data-testid') ?? ''}] right=${Math.round(e.getBoundingClientRect().right)}`);
              return [`${document.documentElement.scrollWidth}px wide in a ${width}px window`, ...wide];
            }
            """);
        if (found.Length > 0)
        {
            _faults.Add($"{where} scrolls sideways: {string.Join("; ", found)}");
        }
    }

    /// <summary>
    /// Seen, inside the window's width, and pressable (Playwright's trial press: every check, no click). The box is read
    /// before the press, which would scroll a sideways-scrolling table to it and hide the fault.
    /// </summary>
    private async Task AssertReachableAsync(IPage page, ILocator action, string name)
    {
        await Expect(action).ToBeVisibleAsync();
        var box = await action.BoundingBoxAsync();
        var width = page.ViewportSize!.Width;
        if (box is null || box.X < -1 || box.X + box.Width > width + 1)
        {
            _faults.Add($"{name} is drawn at x={box?.X:0}..{box?.X + box?.Width:0} in a {width}px window");
            return;
        }

        try
        {
            await action.ClickAsync(new() { Trial = true, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            _faults.Add($"{name} cannot be pressed (covered or disabled)");
        }
    }
}
