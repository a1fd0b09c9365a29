using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/api-keys on Kestrel: the list as the parent page shows it (never a secret or a hash), revoking another key
/// or the key itself (it answers 401 next), no way to create one; and who must not. Each test has a parent of its own.
/// </summary>
public abstract class ApiKeyEndpointTests(ApiKestrelPortal portal)
{
    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private async Task<List<Guid>> ActiveKeysAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ApiKeys.Where(k => k.ParentOrganizationId == parentId && k.RevokedAt == null).Select(k => k.Id).OrderBy(k => k).ToListAsync();
    }

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];

    [Fact]
    public async Task List_AsThePageShowsThem_NeverASecretOrAHash()
    {
        var (org, client, key) = await OwnAsync();
        var limited = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly, org.OrganizationId);

        var json = await client.GetStringAsync("/api/v1/api-keys");

        var items = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var shown = items.Single(i => i.GetProperty("id").GetGuid() == limited.Id);
        Assert.Equal((limited.Name, limited.Prefix, "ReadOnly"),
            (shown.GetProperty("name").GetString(), shown.GetProperty("prefix").GetString(), shown.GetProperty("scope").GetString()));
        Assert.Equal([$"Settings {org.Domain[9..17]}"], shown.GetProperty("organizations").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("expiresAt").ValueKind);
        Assert.True(shown.TryGetProperty("createdAt", out _) && shown.TryGetProperty("lastUsedAt", out _) && shown.TryGetProperty("createdBy", out _));
        Assert.DoesNotContain(key.Token, json, StringComparison.Ordinal);
        Assert.DoesNotContain(limited.Token, json, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Revoke_AnotherKey_204_ItAnswers401_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();
        var other = await portal.CreateKeyAsync(org.ParentId, org.Owner);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/api-keys/{other.Id}")).StatusCode);

        await AssertProblemAsync(await portal.KeyClient(other.Token).GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized);
        Assert.Equal([key.Id], await ActiveKeysAsync(org.ParentId));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "api.key_revoked");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task Revoke_ItselfForRotation_204_ThenEveryRequest401SayingRevoked()
    {
        var (org, client, key) = await OwnAsync();
        var successor = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/api-keys/{key.Id}")).StatusCode);

        var problem = await AssertProblemAsync(await client.GetAsync("/api/v1/api-keys"), HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/api-keys/{successor.Id}"), HttpStatusCode.Unauthorized);
        Assert.Equal([successor.Id], await ActiveKeysAsync(org.ParentId));
    }

    [Fact]
    public async Task Revoke_UnknownOrAlreadyRevoked_404()
    {
        var (org, client, _) = await OwnAsync();
        var other = await portal.CreateKeyAsync(org.ParentId, org.Owner);
        await client.DeleteAsync($"/api/v1/api-keys/{other.Id}");

        var problem = await AssertProblemAsync(await client.DeleteAsync($"/api/v1/api-keys/{other.Id}"), HttpStatusCode.NotFound);
        Assert.Equal("ApiKeyNotFound", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_IsNotOffered_405_NoKeyMade()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "minted", scope = "ReadWrite" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([key.Id], await ActiveKeysAsync(org.ParentId));
    }

    // Who must not.

    [Fact]
    public async Task ReadOnlyKey_Lists_ButMayNotRevoke_403()
    {
        var (org, _, key) = await OwnAsync();
        var readOnly = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly);
        var reader = portal.KeyClient(readOnly.Token);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/api-keys")).StatusCode);
        await AssertProblemAsync(await reader.DeleteAsync($"/api/v1/api-keys/{key.Id}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await reader.DeleteAsync($"/api/v1/api-keys/{readOnly.Id}"), HttpStatusCode.Forbidden);
        Assert.Equal(Sorted(key.Id, readOnly.Id), await ActiveKeysAsync(org.ParentId));
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheKeysAreTheWholeParents()
    {
        var (org, _, key) = await OwnAsync();
        var limitedKey = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId);
        var limited = portal.KeyClient(limitedKey.Token);

        var problem = await AssertProblemAsync(await limited.GetAsync("/api/v1/api-keys"), HttpStatusCode.Forbidden);
        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await limited.DeleteAsync($"/api/v1/api-keys/{key.Id}"), HttpStatusCode.Forbidden);
        Assert.Equal(Sorted(key.Id, limitedKey.Id), await ActiveKeysAsync(org.ParentId));
    }

    [Fact]
    public async Task AnotherParentsKey_CannotSeeOrRevokeThisParentsKeys()
    {
        var (org, client, key) = await OwnAsync();
        var (_, stranger, _) = await OwnAsync();

        Assert.DoesNotContain(key.Prefix, await stranger.GetStringAsync("/api/v1/api-keys"), StringComparison.Ordinal);
        await AssertProblemAsync(await stranger.DeleteAsync($"/api/v1/api-keys/{key.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/api-keys")).StatusCode);
        Assert.Equal([key.Id], await ActiveKeysAsync(org.ParentId));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NoKeyRevoked()
    {
        var (org, client, key) = await OwnAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.GetAsync("/api/v1/api-keys"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/api-keys/{key.Id}"), HttpStatusCode.Forbidden);
        Assert.Equal([key.Id], await ActiveKeysAsync(org.ParentId));
    }

    [Fact]
    public async Task NoKey_401()
    {
        var (org, _, key) = await OwnAsync();

        await AssertProblemAsync(await portal.KeyClient(null).GetAsync("/api/v1/api-keys"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).DeleteAsync($"/api/v1/api-keys/{key.Id}"), HttpStatusCode.Unauthorized);
        Assert.Equal([key.Id], await ActiveKeysAsync(org.ParentId));
    }
}

public sealed class SqliteApiKeyEndpointTests(ApiKestrelPortal portal) : ApiKeyEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresApiKeyEndpointTests(PostgresApiKestrelPortal portal) : ApiKeyEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
