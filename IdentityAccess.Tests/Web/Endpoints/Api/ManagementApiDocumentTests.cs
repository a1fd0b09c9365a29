using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// The management API's OpenAPI document and its reference page: valid OpenAPI 3.1, about /api/v1 only, the same as the
/// reviewed copy in docs/api (a change to the API's contract fails here until someone looks at it), served anonymously
/// and holding no data; the page served from the portal itself, nothing from a CDN.
/// </summary>
public sealed class ManagementApiDocumentTests(ApiKestrelPortal portal) : IClassFixture<ApiKestrelPortal>
{
    private const string RefreshSetting = "IA_UPDATE_OPENAPI";

    private static string CheckedInCopy => Path.Combine(RepositoryRoot.Path, "docs", "api", "openapi-v1.json");

    [Fact]
    public async Task Document_IsValidOpenApi31_AndTheReviewedCopy()
    {
        var json = await FetchDocumentAsync();

        Assert.Empty(OpenApiDocumentCheck.Problems(json));
        if (Environment.GetEnvironmentVariable(RefreshSetting) == "1")
        {
            await File.WriteAllTextAsync(CheckedInCopy, json.ReplaceLineEndings("\n").TrimEnd() + "\n");
            return;
        }

        Assert.True(File.Exists(CheckedInCopy), $"{CheckedInCopy} is missing: run with {RefreshSetting}=1 to write it.");
        var differences = OpenApiDocumentCheck.Differences(
            OpenApiDocumentCheck.Normalized(JsonNode.Parse(await File.ReadAllTextAsync(CheckedInCopy))), OpenApiDocumentCheck.Normalized(JsonNode.Parse(json)));
        Assert.True(differences.Count == 0,
            "The management API's OpenAPI document is not the reviewed copy in docs/api/openapi-v1.json. Where it differs:\n  " +
            string.Join("\n  ", differences) + "\n" +
            "Review the change: a removed or renamed path, operation, property or parameter, a new required field or a narrower " +
            "type breaks the programs that call the API (make it a new version instead). If the change is meant, refresh the copy " +
            $"with `{RefreshSetting}=1 dotnet test IdentityAccess.Tests --filter FullyQualifiedName~ManagementApiDocumentTests` and commit it with the change.");
    }

    [Fact]
    public async Task Document_DescribesTheManagementApiOnly()
    {
        var document = JsonNode.Parse(await FetchDocumentAsync())!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/organizations/{organizationId}/members", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal)); // no SCIM, SAML, portal endpoints
        Assert.Null(document["servers"]); // the caller's own address, never the server's idea of it
    }

    [Fact]
    public async Task Document_Anonymous_IsADescriptionHoldingNoData()
    {
        // Who must not: a caller without a key learns nothing of any organization or person from the description.
        var response = await portal.KeyClient(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("acme.test", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Globex", json, StringComparison.OrdinalIgnoreCase);
        foreach (var id in new[] { portal.Demo.AcmeChat, portal.Demo.AcmeParent, portal.Demo.GlobexTeam, portal.Demo.Person("alice@acme.test") })
        {
            Assert.DoesNotContain(id.ToString(), json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Docs_ServedFromThePortalItself_NothingFromACdn()
    {
        var client = portal.KeyClient(null);

        var redirect = await client.GetAsync("/api/docs");
        var page = await client.GetAsync("/api/docs/");
        var script = await client.GetAsync("/api/docs/scalar.js");

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode); // to /api/docs/, where the page's relative paths work
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"scalar.js\"", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    private async Task<string> FetchDocumentAsync()
    {
        var response = await portal.KeyClient(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
