using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/sso-connection metadata by URL, from an IdP metadata server on 127.0.0.1 (an app that allows private
/// addresses; the refusal of them is <c>SsoConnectionEndpointTests.BadInput.cs</c>): imported and kept for the
/// refresh, a certificate rollover brought by Refresh now, another IdP at the URL refused, the URL dropped.
/// </summary>
public abstract class SsoMetadataUrlEndpointTests(ApiKestrelPortal portal) : IAsyncLifetime
{
    private const string Url = "/api/v1/sso-connection";
    private MetadataServer _server = default!;

    public async Task InitializeAsync() => _server = await MetadataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> ImportedFromTheUrlAsync()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite);
        var client = portal.KeyClient(key.Token);
        var response = await client.PutAsJsonAsync($"{Url}/metadata", new { metadataUrl = _server.Url.AbsoluteUri, preset = "EntraId" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (org, client, key);
    }

    private static int Certificates(JsonElement sso) => sso.GetProperty("idp").GetProperty("certificates").GetArrayLength();

    [Fact]
    public async Task ImportFromUrl_FetchedAndKept_RefreshBringsTheRollover_ThenStopRefreshing()
    {
        var (org, client, key) = await ImportedFromTheUrlAsync();

        var imported = await client.GetFromJsonAsync<JsonElement>(Url);
        Assert.Equal(SamlScenario.IdpEntityId, imported.GetProperty("idp").GetProperty("entityId").GetString());
        var source = imported.GetProperty("metadataSource");
        Assert.Equal(_server.Url.AbsoluteUri, source.GetProperty("url").GetString());
        Assert.NotEqual(JsonValueKind.Null, source.GetProperty("lastCheckedAt").ValueKind);
        Assert.Equal(1, Certificates(imported));

        _server.Certificates = [SamlTestKeys.Idp, SamlTestKeys.IdpNext];
        var refreshed = await (await client.PostAsync($"{Url}/metadata/refresh", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, Certificates(refreshed));

        var stopped = await (await client.DeleteAsync($"{Url}/metadata/url")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("metadataSource").ValueKind);
        Assert.Equal(2, Certificates(stopped));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SamlMetadataSources.AnyAsync(s => s.ParentOrganizationId == org.ParentId));
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "sso.metadata-url-set");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task Refresh_TheUrlNowServesAnotherIdp_409_TheConnectionKept()
    {
        var (org, client, _) = await ImportedFromTheUrlAsync();
        _server.EntityId = "https://other-idp.example.com/";

        var problem = await AssertProblemAsync(await client.PostAsync($"{Url}/metadata/refresh", null), HttpStatusCode.Conflict);

        Assert.Equal("MetadataEntityChanged", problem.GetProperty("code").GetString());
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(SamlScenario.IdpEntityId, await db.SamlConnections.Where(c => c.ParentOrganizationId == org.ParentId).Select(c => c.EntityId).SingleAsync());
    }

    [Fact]
    public async Task ImportFromUrl_TheServerFails_400_NothingStored()
    {
        _server.Mode = MetadataServer.Behaviour.ServerError;
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite)).Token);

        var problem = await AssertProblemAsync(await client.PutAsJsonAsync($"{Url}/metadata", new { metadataUrl = _server.Url.AbsoluteUri, preset = "EntraId" }),
            HttpStatusCode.BadRequest);

        Assert.Equal("MetadataFetchFailed", problem.GetProperty("code").GetString());
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SamlConnections.AnyAsync(c => c.ParentOrganizationId == org.ParentId));
    }
}

public sealed class SqliteSsoMetadataUrlEndpointTests(ApiPrivateMetadataPortal portal) : SsoMetadataUrlEndpointTests(portal), IClassFixture<ApiPrivateMetadataPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresSsoMetadataUrlEndpointTests(PostgresApiPrivateMetadataPortal portal)
    : SsoMetadataUrlEndpointTests(portal), IClassFixture<PostgresApiPrivateMetadataPortal>;
