using System.Net.Http.Headers;
using System.Text;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class DirectorySyncLogJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_SeesSyncHealth_OpensTheLog_FiltersErrors_ExportsCsv()
    {
        // The IdP has a token and has pushed three requests, one of them failing.
        Guid acme;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        }

        var (token, _) = await portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(acme, new AuditActor(null, "test"));
        using var idp = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        idp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await idp.PostAsync("/scim/v2/Users",
            new StringContent("""{"userName":"pat@acme.test","displayName":"Pat","password":"never-kept","active":true}""", Encoding.UTF8, "application/scim+json"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await idp.GetAsync($"/scim/v2/Users/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await idp.GetAsync("/scim/v2/Groups?excludedAttributes=members")).StatusCode);
        await portal.Factory.Services.FlushProvisioningLogAsync();

        // 1. Identity and access: the health of the token, with Entra's cycle explained.
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var health = page.GetByTestId("sync-health");
        await Expect(health.GetByTestId("last-day")).ToContainTextAsync("3 requests");
        await Expect(health.GetByTestId("last-day")).ToContainTextAsync("1 error");
        await Expect(health.GetByTestId("last-error")).ToContainTextAsync("404 Not found");
        await Expect(health.GetByTestId("entra-cycle")).ToContainTextAsync("about every 40 minutes");
        await Screenshots.SaveAsync(page, "sync-health");

        // 2. The log: newest first, what each request changed.
        await health.GetByTestId("view-sync-log").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{portal.BaseUrl}/orgs/{portal.Demo.AcmeChat}/directory-sync");
        await PortalPage.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("provisioning-log").Locator("tbody tr");
        // The three SCIM requests, and a row per SSO sign-in of Alice's (this one the newest, first).
        var scimRows = rows.Filter(new() { HasText = "/scim/v2/" });
        await Expect(scimRows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("alice@acme.test signed in");
        await Expect(scimRows.Last).ToContainTextAsync("Created user pat@acme.test");
        await Expect(page.GetByTestId("provisioning-log")).Not.ToContainTextAsync("never-kept");
        await Screenshots.SaveAsync(page, "sync-log");

        // 3. Errors only, and the export follows the filter.
        await page.GetByText("Errors only").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("not found");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-log-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!); // the reader drops the byte order mark
        Assert.StartsWith("time_utc,status,method,path", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.TrimEnd().Split("\r\n").Length); // the header and the one error
        Assert.Contains(",404,GET,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_OpensTheAuditLog_FiltersByActionAndDays_ExportsJsonAsShown()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/audit");
        await PortalPage.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("audit-table").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Action", Exact = true }).FillAsync("organization.");
        await Expect(page.GetByTestId("export-audit-json")).ToHaveAttributeAsync("href", $"/orgs/{portal.Demo.AcmeChat}/audit/log.json?action=organization.");
        await Expect(rows.Filter(new() { HasNotText = "organization." })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasText = "organization.created" })).ToHaveCountAsync(1); // the demo seed's, Acme's only
        var shown = await rows.CountAsync();
        await Screenshots.SaveAsync(page, "audit-log-filtered");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-audit-json").ClickAsync());
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        var actions = json.RootElement.EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();
        Assert.Equal(shown, actions.Count); // the file holds what the page shows
        Assert.All(actions, a => Assert.StartsWith("organization.", a, StringComparison.Ordinal));
    }
}
