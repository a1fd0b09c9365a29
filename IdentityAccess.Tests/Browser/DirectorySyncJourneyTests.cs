using System.Net.Http.Headers;
using System.Text;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class DirectorySyncJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_SetsUpScim_IdpPushes_SeatsRunOut_SyncNowAdmitsAfterPurchase()
    {
        await SetSeatsAsync(premium: 2, standard: 3); // Acme holds 2 Premium and 2 Standard: one Standard seat is free

        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");

        // 1. Set up SCIM: copy the endpoint, generate a token shown once.
        await page.GetByTestId("set-up-scim").ClickAsync();
        await Expect(page.GetByLabel("SCIM endpoint (tenant URL)")).ToHaveValueAsync($"{portal.BaseUrl}/scim/v2");
        await page.GetByTestId("scim-generate").ClickAsync();
        var secret = await page.GetByLabel("Secret token").InputValueAsync();
        Assert.StartsWith("ia_scim_", secret, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "scim-setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(page.GetByTestId("scim-status")).ToHaveTextAsync("Configured");

        // 2. Switch the organization to directory sync: the diff shows who gets a seat and who waits.
        await page.GetByTestId("mode-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Directory sync (SCIM)" }).First.ClickAsync();
        await page.GetByTestId("save-changes").ClickAsync();
        await Expect(page.GetByTestId("diff-count-Provision")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("diff-count-BecomePending")).ToHaveTextAsync("3");
        await page.GetByTestId("confirm-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Settings saved");

        // 3. The IdP pushes one more person through the real SCIM endpoint: no seat left, so pending.
        using var idp = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        idp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var push = await idp.PostAsync("/scim/v2/Users", new StringContent("""{"userName":"pat@acme.test","displayName":"Pat Pending","active":true}""", Encoding.UTF8, "application/scim+json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, push.StatusCode);

        await page.ReloadAsync();
        await PortalPage.WaitInteractiveAsync(page);
        var waiting = page.GetByTestId("not-members");
        await Expect(waiting.Locator("[data-person='pat@acme.test']")).ToContainTextAsync("Pending a seat");
        await Expect(waiting).ToContainTextAsync("buy seats");

        // 4. The members page shows the queue, and whom buying seats would admit, before anything is bought.
        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/members");
        await PortalPage.WaitInteractiveAsync(page);
        var queue = page.GetByTestId("seat-queue");
        await Expect(queue).ToContainTextAsync("Waiting for a seat (4)");
        await Expect(queue.Locator("[data-person='pat@acme.test']")).ToContainTextAsync("4");
        await page.GetByLabel("Seats to buy").FillAsync("7");
        await page.GetByTestId("preview-admissions").ClickAsync();
        await Expect(page.GetByTestId("would-admit")).ToContainTextAsync("7 more Standard seats would admit 4");
        await Screenshots.SaveAsync(page, "seat-queue");

        // 5. The owner buys seats (the billing stand-in), then Sync now admits the queue in order.
        await page.GetByTestId("buy-seats").ClickAsync();
        var buy = page.GetByTestId("buy-seats-dialog");
        await Expect(buy).ToContainTextAsync("Stand-in for billing"); // the dialog is rendered and listening
        await buy.GetByTestId("buy-seats-tier").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Standard" }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        // The select closes its list before the server has taken the new tier, and taking it resets the total: wait for
        // the field that names the tier, or a fast fill can be overwritten by the old pool's count.
        await Expect(buy.GetByText("Total Standard seats")).ToBeVisibleAsync();
        var total = buy.Locator("input[data-testid=buy-seats-total], [data-testid=buy-seats-total] input").First;
        await total.FillAsync("10");
        await Expect(total).ToHaveValueAsync("10");
        await page.GetByTestId("buy-seats-submit").ClickAsync();
        await Expect(buy).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 10"); // the seat card, which stays (a snackbar may be gone)
        await Expect(queue).ToContainTextAsync("Waiting for a seat (4)"); // buying admits nobody by itself: Sync now does
        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/identity");
        await PortalPage.WaitInteractiveAsync(page);
        await page.GetByTestId("sync-now").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Sync finished: 4 membership changes");
        await Expect(page.GetByTestId("not-members")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "sync-now");
    }

    private async Task SetSeatsAsync(int premium, int standard)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == SeatTier.Premium).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, premium));
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == SeatTier.Standard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, standard));
    }
}
