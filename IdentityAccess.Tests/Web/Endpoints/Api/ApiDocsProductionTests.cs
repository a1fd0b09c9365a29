using System.Net;
using System.Text.RegularExpressions;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Startup;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/docs outside Development: served (the API is on in every environment), under the portal's own
/// Content-Security-Policy, unwidened, with Scalar's scripts carrying that response's nonce.
/// </summary>
public sealed class ApiDocsProductionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Docs_InProduction_ScriptsCarryThePortalPolicysNonce()
    {
        await using var app = new IdentityAccessWebFactory(_database, "Production", useTestAuth: false,
            new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "https://portal.example.test" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.test"), AllowAutoRedirect = false });

        var page = await client.GetAsync("/api/docs/");
        var document = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy(nonce), policy); // the portal's policy, nothing wider
        var scripts = Regex.Matches(await page.Content.ReadAsStringAsync(), "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(3, scripts.Count);
        Assert.All(scripts, script => Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(script), StringComparison.Ordinal)); // "+" may be written &#x2B;
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }
}
