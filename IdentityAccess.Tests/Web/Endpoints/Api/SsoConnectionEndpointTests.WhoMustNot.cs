using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.Saml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Who must not: keys and callers the SSO connection refuses, each trying every write, and that the connection did not change for them.</summary>
public abstract partial class SsoConnectionEndpointTests
{
    /// <summary>Import Okta's metadata over the Entra connection, turn it off, on, rename its attributes, refresh, roll back, allow IdP-initiated: every write.</summary>
    private static async Task<HttpResponseMessage[]> EveryWriteAsync(HttpClient client) =>
    [
        await client.PutAsync($"{Url}/metadata?preset=Okta", Xml(IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)))),
        await client.PutAsJsonAsync($"{Url}/metadata", new { metadataUrl = "https://idp.example.com/federationmetadata.xml", preset = "Okta" }),
        await client.PostAsync($"{Url}/disable", null),
        await client.PostAsync($"{Url}/enable", null),
        await client.PutAsJsonAsync($"{Url}/attribute-names", new { preset = "Custom", names = new { email = "mail" } }),
        await client.PostAsync($"{Url}/metadata/refresh", null),
        await client.PostAsync($"{Url}/metadata/rollback", null),
        await client.DeleteAsync($"{Url}/metadata/url"),
        await client.PutAsJsonAsync($"{Url}/idp-initiated-sign-in", new { allowed = true }),
    ];

    /// <summary>A parent with the Entra connection, on, imported by its Owner's key.</summary>
    private async Task<OwnSettingsOrganization> OwnConnectedAsync()
    {
        var (org, client, _) = await OwnAsync();
        await ImportEntraAsync(client);
        await OkAsync(await client.PostAsync($"{Url}/enable", null));
        return org;
    }

    private async Task AssertNothingChangedAsync(OwnSettingsOrganization org)
    {
        var connection = (await ConnectionAsync(org.ParentId))!;
        Assert.Equal((IdpMetadataSamples.EntraEntityId, true, false), (connection.EntityId, connection.Enabled, connection.AllowIdpInitiated));
        Assert.Equal(SamlAttributePresets.Names(SamlAttributePreset.EntraId), connection.AttributeNames);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.SamlMetadataSources.AnyAsync(s => s.ParentOrganizationId == org.ParentId));
        Assert.Equal(["sso.enabled", "sso.metadata-imported"],
            (await db.AuditEvents.Where(e => e.ParentOrganizationId == org.ParentId && e.Action.StartsWith("sso.")).Select(e => e.Action).ToListAsync()).Order());
    }

    [Fact]
    public async Task ReadOnlyKey_SeesTheConnection_ButEveryWrite403()
    {
        var org = await OwnConnectedAsync();
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.True((await reader.GetFromJsonAsync<JsonElement>(Url)).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{Url}/disable-impact")).StatusCode);
        foreach (var response in await EveryWriteAsync(reader))
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheConnectionIsTheWholeParents()
    {
        var org = await OwnConnectedAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        foreach (var read in new[] { Url, $"{Url}/disable-impact", $"{Url}/test-result" })
        {
            Assert.Equal("KeyLimitedToOrganizations", (await AssertProblemAsync(await limited.GetAsync(read), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        }

        foreach (var response in await EveryWriteAsync(limited))
        {
            Assert.Equal("KeyLimitedToOrganizations", (await AssertProblemAsync(response, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task AnotherParentsKey_SeesOnlyItsOwnParent_AndChangesOnlyThat()
    {
        var org = await OwnConnectedAsync();
        var (strangerOrg, stranger, _) = await OwnAsync();

        var seen = await stranger.GetStringAsync(Url);
        Assert.DoesNotContain(IdpMetadataSamples.EntraEntityId, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(org.ParentId.ToString(), seen, StringComparison.Ordinal);
        await AssertProblemAsync(await stranger.PostAsync($"{Url}/disable", null), HttpStatusCode.Conflict); // its own parent has no connection
        await OkAsync(await stranger.PutAsync($"{Url}/metadata?preset=Okta", Xml(IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)))));

        Assert.Equal(IdpMetadataSamples.OktaEntityId, (await ConnectionAsync(strangerOrg.ParentId))!.EntityId);
        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingChanged()
    {
        var org = await OwnConnectedAsync();
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite)).Token);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.GetAsync(Url), HttpStatusCode.Forbidden);
        foreach (var response in await EveryWriteAsync(client))
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task RevokedKeyOrNoKey_401_NothingChanged()
    {
        var org = await OwnConnectedAsync();
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        foreach (var client in new[] { portal.KeyClient(key.Token), portal.KeyClient(null) })
        {
            await AssertProblemAsync(await client.GetAsync(Url), HttpStatusCode.Unauthorized);
            foreach (var response in await EveryWriteAsync(client))
            {
                await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            }
        }

        await AssertNothingChangedAsync(org);
    }
}
