using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/scim-tokens on Kestrel: a generated token's secret works against the SCIM endpoint and shows once; revoking
/// stops it; the directory's last token while an organization uses directory sync needs its prefix; and who must not:
/// read-only keys, keys limited to some organizations, another parent's key, a creator who is no longer a parent admin.
/// Each test has a parent of its own.
/// </summary>
public abstract class ScimTokenEndpointTests(ApiKestrelPortal portal)
{
    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private static async Task<JsonElement> GenerateAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/scim-tokens", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpStatusCode> ScimStatusAsync(string secret)
    {
        var scim = portal.KeyClient(null);
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (await scim.GetAsync("/scim/v2/Users?count=1")).StatusCode;
    }

    private async Task<int> ActiveTokensAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ScimTokens.CountAsync(t => t.ParentOrganizationId == parentId && t.RevokedAt == null);
    }

    [Fact]
    public async Task Generate_TheSecretWorksForScim_ShownOnce_ListedByPrefix_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var made = await GenerateAsync(client);
        var secret = made.GetProperty("secret").GetString()!;
        var prefix = made.GetProperty("prefix").GetString()!;

        Assert.StartsWith(prefix, secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(secret));
        var list = await client.GetStringAsync("/api/v1/scim-tokens");
        Assert.Contains(prefix, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "scim.token_created");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task Revoke_TheSecretStopsWorking_AndTheListNoLongerHasIt()
    {
        var (org, client, _) = await OwnAsync();
        var made = await GenerateAsync(client);

        var response = await client.DeleteAsync($"/api/v1/scim-tokens/{made.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(made.GetProperty("secret").GetString()!));
        Assert.DoesNotContain(made.GetProperty("prefix").GetString()!, await client.GetStringAsync("/api/v1/scim-tokens"), StringComparison.Ordinal);
        Assert.Equal(0, await ActiveTokensAsync(org.ParentId));
    }

    [Fact]
    public async Task RevokeTheLastToken_WhileAnOrganizationUsesDirectorySync_400UntilConfirmedWithItsPrefix()
    {
        var (org, client, _) = await OwnAsync();
        var made = await GenerateAsync(client);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.Organizations.Where(o => o.Id == org.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Scim));
        }

        var url = $"/api/v1/scim-tokens/{made.GetProperty("id").GetGuid()}";
        var problem = await AssertProblemAsync(await client.DeleteAsync(url), HttpStatusCode.BadRequest);
        Assert.Equal("TokenRevokeNotConfirmed", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await client.DeleteAsync(url + "?confirm=wrong"), HttpStatusCode.BadRequest);
        Assert.Equal(1, await ActiveTokensAsync(org.ParentId));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(url + "?confirm=" + made.GetProperty("prefix").GetString())).StatusCode);
        Assert.Equal(0, await ActiveTokensAsync(org.ParentId));
    }

    [Fact]
    public async Task GenerateOverTheLimit_409_TheOldOnesStillWork()
    {
        var (org, client, _) = await OwnAsync();
        var first = await GenerateAsync(client);
        await GenerateAsync(client);

        var problem = await AssertProblemAsync(await client.PostAsync("/api/v1/scim-tokens", null), HttpStatusCode.Conflict);

        Assert.Equal("TooManyActiveTokens", problem.GetProperty("code").GetString());
        Assert.Equal(2, await ActiveTokensAsync(org.ParentId));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(first.GetProperty("secret").GetString()!));
    }

    [Fact]
    public async Task RevokeAnUnknownToken_404()
    {
        var (_, client, _) = await OwnAsync();

        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/scim-tokens/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    // Who must not.

    [Fact]
    public async Task ReadOnlyKey_Lists_ButMayNotGenerateOrRevoke_403()
    {
        var (org, writer, _) = await OwnAsync();
        var made = await GenerateAsync(writer);
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/scim-tokens")).StatusCode);
        await AssertProblemAsync(await reader.PostAsync("/api/v1/scim-tokens", null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await reader.DeleteAsync($"/api/v1/scim-tokens/{made.GetProperty("id").GetGuid()}"), HttpStatusCode.Forbidden);
        Assert.Equal(1, await ActiveTokensAsync(org.ParentId));
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheTokensAreTheWholeParents()
    {
        var (org, writer, _) = await OwnAsync();
        var made = await GenerateAsync(writer);
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        var problem = await AssertProblemAsync(await limited.GetAsync("/api/v1/scim-tokens"), HttpStatusCode.Forbidden);
        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await limited.PostAsync("/api/v1/scim-tokens", null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await limited.DeleteAsync($"/api/v1/scim-tokens/{made.GetProperty("id").GetGuid()}"), HttpStatusCode.Forbidden);
        Assert.Equal(1, await ActiveTokensAsync(org.ParentId));
    }

    [Fact]
    public async Task AnotherParentsKey_CannotSeeOrRevokeThisParentsToken()
    {
        var (org, client, _) = await OwnAsync();
        var made = await GenerateAsync(client);
        var (_, stranger, _) = await OwnAsync();

        Assert.DoesNotContain(made.GetProperty("prefix").GetString()!, await stranger.GetStringAsync("/api/v1/scim-tokens"), StringComparison.Ordinal);
        await AssertProblemAsync(await stranger.DeleteAsync($"/api/v1/scim-tokens/{made.GetProperty("id").GetGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(made.GetProperty("secret").GetString()!));
        Assert.Equal(1, await ActiveTokensAsync(org.ParentId));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NoTokenMadeOrRevoked()
    {
        var (org, client, _) = await OwnAsync();
        var made = await GenerateAsync(client);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.PostAsync("/api/v1/scim-tokens", null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/scim-tokens/{made.GetProperty("id").GetGuid()}"), HttpStatusCode.Forbidden);
        Assert.Equal(1, await ActiveTokensAsync(org.ParentId));
    }

    [Fact]
    public async Task NoKey_401()
    {
        await AssertProblemAsync(await portal.KeyClient(null).PostAsync("/api/v1/scim-tokens", null), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).GetAsync("/api/v1/scim-tokens"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TeamPlanParent_GenerateRefusedNamingThePlan_NoTokenMade()
    {
        var grace = portal.Demo.Person("grace@globex.test");
        var client = portal.KeyClient((await portal.CreateKeyAsync(portal.Demo.GlobexParent, grace, ApiKeyScope.ReadWrite)).Token);
        var before = await ActiveTokensAsync(portal.Demo.GlobexParent);

        var response = await client.PostAsync("/api/v1/scim-tokens", null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("DirectorySyncNotInPlan", problem.GetProperty("code").GetString());
        Assert.Contains("Team", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await ActiveTokensAsync(portal.Demo.GlobexParent));
    }
}

public sealed class SqliteScimTokenEndpointTests(ApiKestrelPortal portal) : ScimTokenEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresScimTokenEndpointTests(PostgresApiKestrelPortal portal) : ScimTokenEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
