using System.Net;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Web.Endpoints.Members;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/members/export on Kestrel: the members page's own CSV file, byte for byte, or the same
/// fields as JSON; a format it does not know 400; and who must not read it. Each test has an organization of its own
/// (the Owner, Carol and Dave).
/// </summary>
public abstract class MemberExportApiEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, string query = "") => $"/api/v1/organizations/{organizationId}/members/export{query}";

    private async Task<(OwnSettingsOrganization Org, HttpClient Client)> OwnAsync()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        return (org, portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token));
    }

    /// <summary>The file the members page's Export CSV answers, written as it writes it.</summary>
    private async Task<byte[]> PortalsFileAsync(Guid organizationId)
    {
        using var file = new MemoryStream();
        await MembersCsv.WriteAsync(file, portal.Factory.Services.GetRequiredService<MemberExport>().ReadPagesAsync(organizationId), CancellationToken.None);
        return file.ToArray();
    }

    [Fact]
    public async Task Csv_ThePortalsOwnFile_AsAnAttachmentNoCacheKeeps()
    {
        var (org, client) = await OwnAsync();

        foreach (var query in new[] { "", "?format=csv", "?format=CSV" })
        {
            var response = await client.GetAsync(Url(org.OrganizationId, query));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.EndsWith($"-members-{DateTimeOffset.UtcNow:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
            Assert.Equal(await PortalsFileAsync(org.OrganizationId), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Json_TheSameFieldsUnderTheSameNames_OrderedByEmail()
    {
        var (org, client) = await OwnAsync();

        var response = await client.GetAsync(Url(org.OrganizationId, "?format=json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var members = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var rows = members.RootElement.EnumerateArray().ToList();
        Assert.Equal([$"carol@{org.Domain}", $"dave@{org.Domain}", $"owner@{org.Domain}"], rows.Select(r => r.GetProperty("email").GetString()));
        Assert.All(rows, r => Assert.Equal(MembersCsv.Header, r.EnumerateObject().Select(p => p.Name)));
        var csvLines = System.Text.Encoding.UTF8.GetString(await PortalsFileAsync(org.OrganizationId)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(csvLines[1], string.Join(',', rows[0].EnumerateObject().Select(p => p.Value.GetString())));
    }

    [Fact]
    public async Task UnknownFormat_400NamingIt_UnknownOrganization_404()
    {
        var (org, client) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.GetAsync(Url(org.OrganizationId, "?format=xlsx")), HttpStatusCode.BadRequest);

        Assert.Equal(("format", "FormatNotOneOf"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        await AssertProblemAsync(await client.GetAsync(Url(Guid.NewGuid())), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WhoMustNot_EachRefused_NoFile()
    {
        var (org, _) = await OwnAsync();
        var callers = await RefusedApiCallers.CreateAsync(portal, org);

        await callers.AssertEachRefusedAsync(client => client.GetAsync(Url(org.OrganizationId)), isRead: true);
        await callers.AssertEachRefusedAsync(client => client.GetAsync(Url(org.OrganizationId, "?format=json")), isRead: true);
    }
}

public sealed class SqliteMemberExportApiEndpointTests(ApiKestrelPortal portal) : MemberExportApiEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresMemberExportApiEndpointTests(PostgresApiKestrelPortal portal) : MemberExportApiEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
