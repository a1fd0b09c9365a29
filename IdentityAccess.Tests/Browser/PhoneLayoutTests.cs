using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.Browser.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Issue #20: the help article walked on a phone. At 360 and 390 px wide no page scrolls sideways, and every action the
/// article names (Set up SCIM, Sync now, each mapping's Add, a domain's Remove, Save changes, Sign out) sits inside the
/// screen's width and takes a press: in English, and at 360 px in Portuguese and Indonesian, whose words are longer;
/// for the chat organization and for a Console one. At 1440 px the app bar keeps its desktop controls.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class PhoneLayoutTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    // Every fault of a walk, not only the first: a phone layout is fixed page by page.
    private readonly List<string> _faults = [];

    [Theory]
    [InlineData(360, 740, "en-US")]
    [InlineData(390, 844, "en-US")]
    [InlineData(360, 740, "pt-BR")]
    [InlineData(360, 740, "id")]
    public async Task Owner_OnAPhone_ReachesEveryActionOfEachPage_NothingScrollsSideways(int width, int height, string language)
    {
        await ArrangeDirectorySyncOnceAsync();
        var page = await portal.NewPageAsync(language);
        await PortalPage.SignInAsync(page, "alice@acme.test");
        await page.SetViewportSizeAsync(width, height);
        var shot = $"phone-{width}-{language}";

        await OpenAsync(page, "/");
        await AssertNoSidewaysScrollAsync(page, "home");
        await Screenshots.SaveAsync(page, $"{shot}-home", fullPage: true);

        await WalkChatIdentityAsync(page, shot);
        await WalkMembersAsync(page, portal.Demo.AcmeChat, "members", $"{shot}-members", hasSeatTiers: true);

        // A Console organization: its roles (Admin, Developer, Billing, Claude Code User, User), no seat tiers.
        await WalkMembersAsync(page, portal.Demo.AcmeConsole, "Console members", $"{shot}-console-members", hasSeatTiers: false);
        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeConsole}/identity");
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "Console identity and access");
        await AssertReachableAsync(page, page.GetByTestId("mode-select"), "Console provisioning mode");
        await AssertReachableAsync(page, page.GetByTestId("set-up-scim"), "Console Manage SCIM");
        await Screenshots.SaveAsync(page, $"{shot}-console-identity", fullPage: true);

        await OpenAsync(page, $"/parents/{portal.Demo.AcmeParent}");
        await Expect(page.GetByTestId("parent-organizations")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "parent");
        await AssertReachableAsync(page, page.GetByTestId("create-organization"), "Create organization");
        await AssertReachableAsync(page, page.GetByTestId("create-api-key"), "Create API key");
        await AssertReachableAsync(page, page.GetByTestId("sync-now"), "Sync now on the parent");
        await Screenshots.SaveAsync(page, $"{shot}-parent", fullPage: true);

        await WalkLogsAsync(page, shot);

        // The account menu holds what the bar has no room for: Sign out, the sessions, the language.
        await PortalPage.PressUntilAsync(page.GetByTestId("account-menu").GetByRole(AriaRole.Button).First, () => page.GetByTestId("account-sign-out").CountAsync());
        await AssertReachableAsync(page, page.GetByTestId("account-sign-out"), "Sign out");
        await AssertReachableAsync(page, page.Locator(".mud-popover-open [data-testid=sign-out-everywhere]"), "Sign out everywhere");
        await AssertReachableAsync(page, page.Locator(".mud-popover-open [data-testid=language-pt-BR]"), "Português");
        await Expect(page.GetByTestId("open-sessions")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "the open account menu");
        await Screenshots.SaveAsync(page, $"{shot}-account-menu");

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

        // The log's period keeps its desktop shape: both days on the filters' line.
        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/audit");
        var audit = page.GetByTestId("audit-table");
        var from = await FieldBoxAsync(audit, "log-from");
        var to = await FieldBoxAsync(audit, "log-to");
        Assert.True(from is not null && to is not null && Math.Abs(from.Y - to.Y) < 2 && to.X > from.X + from.Width, "From and To side by side");
        await AssertNoSidewaysScrollAsync(page, "desktop audit log");
        await Screenshots.SaveAsync(page, "desktop-1440-audit");
        Assert.Empty(_faults);
    }

    private async Task WalkChatIdentityAsync(IPage page, string shot)
    {
        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync();
        var mappings = page.Locator("input[data-testid=mappings-toggle], [data-testid=mappings-toggle] input");
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

        await AssertReachableAsync(page, page.GetByTestId("domains").Locator("[data-domain='acme.test'] button").Last, "domain Remove");
        await AssertReachableAsync(page, page.GetByTestId("save-changes"), "Save changes");
        await AssertReachableAsync(page, page.GetByTestId("discard-draft"), "Discard");
        await Screenshots.SaveAsync(page, $"{shot}-identity", fullPage: true);
    }

    private async Task WalkMembersAsync(IPage page, Guid organizationId, string name, string screenshot, bool hasSeatTiers)
    {
        await OpenAsync(page, $"/orgs/{organizationId}/members");
        var table = page.GetByTestId("member-table");
        await Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, name);
        await AssertPlaceholderFitsAsync(TextBox(table, "member-search"), $"{name}: search");
        // A Console organization has no seat tiers: no "Seat tier —" on its cards (nor a column on a desktop).
        var tiers = await table.Locator("[data-testid=member-seat-tier], [data-testid=member-seat-tier-header]").CountAsync();
        if (hasSeatTiers != tiers > 0)
        {
            _faults.Add($"{name}: {tiers} seat tier cells, {(hasSeatTiers ? "one a row expected" : "none expected")}");
        }

        await AssertReachableAsync(page, page.GetByTestId("add-member"), $"{name}: Add member");
        await AssertReachableAsync(page, page.GetByTestId("invite-member"), $"{name}: Invite");
        await AssertReachableAsync(page, page.GetByTestId("buy-seats"), $"{name}: Buy seats");
        await AssertReachableAsync(page, page.GetByTestId("member-actions").First, $"{name}: a member's actions");
        await Screenshots.SaveAsync(page, screenshot, fullPage: true);
    }

    /// <summary>The directory sync log and the audit log: their filters, the period's two days stacked under them.</summary>
    private async Task WalkLogsAsync(IPage page, string shot)
    {
        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/directory-sync");
        var syncLog = page.GetByTestId("provisioning-log");
        await Expect(syncLog.Locator("tbody tr").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "directory sync log");
        await AssertPeriodStackedAsync(page, syncLog, "directory sync log");
        await AssertReachableAsync(page, TextBox(syncLog, "log-from"), "sync log: From");
        await AssertReachableAsync(page, syncLog.GetByTestId("export-log-csv"), "sync log: Export CSV");
        await Screenshots.SaveAsync(page, $"{shot}-sync-log");

        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/audit");
        var audit = page.GetByTestId("audit-table");
        await Expect(audit.Locator("tbody tr").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "audit log");
        await AssertPlaceholderFitsAsync(TextBox(audit, "audit-search"), "audit log: search");
        await AssertPeriodStackedAsync(page, audit, "audit log");
        await AssertReachableAsync(page, TextBox(audit, "log-to"), "audit log: To");
        await AssertReachableAsync(page, audit.GetByTestId("export-audit-json"), "audit log: Export JSON");
        await Screenshots.SaveAsync(page, $"{shot}-audit");
    }

    private async Task ArrangeDirectorySyncOnceAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        if (await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ProvisioningMode).SingleAsync() != ProvisioningMode.Scim)
        {
            await AcmeOnDirectorySync.ArrangeAsync(portal);
        }
    }
}
