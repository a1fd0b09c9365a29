using IdentityAccess.Core.Audit;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>The audit log read by a person: changes in words, the stored record on demand, on a desktop and on a phone.</summary>
[Trait("Category", "Browser")]
public sealed class AuditLogJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_ReadsAChangeInWords_OpensTheRawRecord_NothingSticksOutOnAPhone()
    {
        // What the plan applier stores when directory sync promotes Carol: enums as numbers, the engine's reason with an arrow.
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = DateTimeOffset.UtcNow,
                Actor = "Directory sync",
                Action = "membership.role_changed+tier_changed",
                Target = "carol@acme.test",
                OrganizationId = portal.Demo.AcmeChat,
                ParentOrganizationId = portal.Demo.AcmeParent,
                Before = """{"Role":5,"SeatTier":1,"Status":0}""",
                After = """{"Role":1,"SeatTier":0,"Status":0,"Reasons":["Member of \u0027acme-admins\u0027 \u2192 Admin, the most permissive of their groups."]}""",
            });
            await db.SaveChangesAsync();
        }

        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/audit");
        await PortalPage.WaitInteractiveAsync(page);

        // Only Carol's entries: the person filter.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Person (email)", Exact = true }).FillAsync("carol@acme.test");
        var rows = page.GetByTestId("audit-table").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasNotText = "carol@acme.test" })).ToHaveCountAsync(0);
        var row = rows.Filter(new() { HasText = "membership.role_changed+tier_changed" });
        await Expect(row).ToHaveCountAsync(1);
        var change = row.GetByTestId("audit-change");
        await Expect(change).ToContainTextAsync("Role: User → Admin");
        await Expect(change).ToContainTextAsync("Seat tier: Standard → Premium");
        await Expect(change).ToContainTextAsync("'acme-admins' → Admin");
        await Expect(change).Not.ToContainTextAsync("\\u");

        await row.GetByTestId("audit-show-raw").ClickAsync();
        var raw = page.GetByTestId("audit-raw");
        await Expect(raw).ToContainTextAsync("\"Role\": 5");
        await AssertNothingSticksOutAsync(page);
        await Screenshots.SaveAsync(page, "audit-log-1440");

        await page.SetViewportSizeAsync(390, 844); // a phone: each row a card, every line labelled, the raw record wrapped
        await change.ScrollIntoViewIfNeededAsync();
        await Expect(change).ToContainTextAsync("Role: User → Admin");
        await AssertNothingSticksOutAsync(page);
        await Screenshots.SaveAsync(page, "audit-log-390");
        await raw.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "audit-log-390-raw");
    }

    // What sticks out, if anything, is named in the failure.
    private static async Task AssertNothingSticksOutAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8)" +
            ".map(e => e.tagName + '.' + e.className + ' ' + (e.getAttribute('data-testid') || '')).join('; ')"));
}
