using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// A page opened by URL shows its content from the first response, and the circuit that then starts shows what the
/// prerender read (carried in the page as persistent component state) instead of reading it again. To tell the two
/// apart, the data changes in the database after the first response and before the circuit is allowed to start.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PrerenderedPagesJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MembersPage_OpenedByUrl_ShowsTheMembersBeforeTheCircuit_AndTheCircuitDoesNotReadThemAgain()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test");
        var startCircuit = await HoldTheCircuitAsync(page);

        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/members", new() { WaitUntil = WaitUntilState.Commit });
        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = "Carol Chen" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 10");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "no"); // no circuit yet

        await RenameAsync("carol@acme.test", "Carol Changed");
        try
        {
            startCircuit();
            await PortalPage.WaitInteractiveAsync(page);
            await RoundTripAsync(page); // the table's own after-render load has been answered by now
            await Expect(rows.Filter(new() { HasText = "Carol Chen" })).ToBeVisibleAsync();
            await Expect(rows.Filter(new() { HasText = "Carol Changed" })).ToHaveCountAsync(0);

            // The circuit reads when asked to: a search goes to the server and finds the new name.
            await page.GetByLabel("Search members").FillAsync("carol");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First).ToContainTextAsync("Carol Changed");
        }
        finally
        {
            await RenameAsync("carol@acme.test", "Carol Chen");
        }
    }

    [Fact]
    public async Task IdentityPage_OpenedByUrl_ShowsTheSettingsBeforeTheCircuit_AndTheCircuitDoesNotReadThemAgain()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test");
        var startCircuit = await HoldTheCircuitAsync(page);
        var settings = page.GetByTestId("organization-sso");
        const string jitHelp = "People assigned to your IdP app are created when they first sign in through SSO.";

        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/identity", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("mode-select")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("save-changes")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "no");
        await Expect(settings).Not.ToContainTextAsync(jitHelp);

        await SetModeAsync(ProvisioningMode.Jit);
        try
        {
            startCircuit();
            await PortalPage.WaitInteractiveAsync(page);
            await Expect(page.GetByTestId("not-members-loading")).ToHaveCountAsync(0); // the circuit's own read has come and gone
            await Expect(settings).Not.ToContainTextAsync(jitHelp);

            // A visit within the circuit reads afresh.
            await page.GetByTestId("nav-members").ClickAsync();
            await Expect(page.GetByTestId("member-table")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Identity and access" }).First.ClickAsync();
            await Expect(settings).ToContainTextAsync(jitHelp);
        }
        finally
        {
            await SetModeAsync(ProvisioningMode.Manual);
        }
    }

    /// <summary>
    /// The prerendered state rides back to the server in the circuit's first message. A page of settings changes with
    /// long before/after values made that message larger than SignalR's default 32 KB: the server closed the
    /// connection, and the page stayed prerendered, never interactive (seen: the audit log after a day of saves).
    /// </summary>
    [Fact]
    public async Task AuditPage_OfLongChanges_BecomesInteractive_AndPagesOn()
    {
        var organization = portal.Demo.AcmeConsole;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var value = "{\"roleMappings\":[" + string.Join(',', Enumerable.Range(0, 60).Select(i => $"{{\"group\":\"00000000-0000-0000-0000-{i:000000000000}\",\"role\":\"Developer\"}}")) + "]}";
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            db.AuditEvents.AddRange(Enumerable.Range(0, 60).Select(i => new AuditEvent
            {
                OccurredAt = start.AddSeconds(i),
                ParentOrganizationId = portal.Demo.AcmeParent,
                OrganizationId = organization,
                Actor = "alice@acme.test",
                Action = "settings.saved",
                Target = $"long change {i}",
                Before = value,
                After = value,
            }));
            await db.SaveChangesAsync();
        }

        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test");
        await page.GotoAsync($"/orgs/{organization}/audit");
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("long change 59");
        await PortalPage.WaitInteractiveAsync(page);
        await page.GetByLabel("Filter audit events").FillAsync("long change 7");
        await Expect(page.GetByTestId("audit-table")).Not.ToContainTextAsync("long change 59");
    }

    // An event through the circuit and its answer: what the circuit did right after its first render has reached the page.
    private static async Task RoundTripAsync(IPage page)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Acme Console" });
        await page.GetByTestId("org-switcher").ClickAsync();
        await Expect(item).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(item).ToHaveCountAsync(0);
    }

    /// <summary>Holds blazor.web.js back, so the page stays as the first response drew it until the returned action runs.</summary>
    private static async Task<Action> HoldTheCircuitAsync(IPage page)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/_framework/blazor.web*.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        return () => release.TrySetResult();
    }

    private async Task RenameAsync(string email, string name)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.People.Where(p => p.Email == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.DisplayName, name));
    }

    private async Task SetModeAsync(ProvisioningMode mode)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, mode));
    }
}
