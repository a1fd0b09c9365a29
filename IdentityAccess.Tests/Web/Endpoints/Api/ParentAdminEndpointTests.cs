using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/parent/admins on Kestrel: the list as the parent page shows it; granting and revoking the role are not offered
/// (a key must not make admins, who make keys, nor remove them), whatever the key; and who must not read the list. Each
/// test has a parent of its own.
/// </summary>
public abstract class ParentAdminEndpointTests(ApiKestrelPortal portal)
{
    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private static string Carol(OwnSettingsOrganization org) => $"carol@{org.Domain}";

    private static Task<HttpResponseMessage> GrantAsync(HttpClient client, string? email) =>
        client.PostAsJsonAsync("/api/v1/parent/admins", new { email });

    private async Task GrantCarolInThePortalAsync(OwnSettingsOrganization org) =>
        Assert.Null(await portal.Factory.Services.GetRequiredService<IdentityAccess.Core.Organizations.ParentAdministration>()
            .GrantAsync(org.ParentId, Carol(org), org.Owner));

    private async Task<List<Guid>> AdminsAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ParentAdministrators.Where(a => a.ParentOrganizationId == parentId).Select(a => a.PersonId).OrderBy(p => p).ToListAsync();
    }

    [Fact]
    public async Task List_TheAdminsWithWhenAndByWhom()
    {
        var (org, client, _) = await OwnAsync();
        await GrantCarolInThePortalAsync(org);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/parent/admins");

        var admins = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { $"owner@{org.Domain}", Carol(org) }.Order(), admins.Select(a => a.GetProperty("email").GetString()!).Order());
        var owner = Assert.Single(admins, a => a.GetProperty("personId").GetGuid() == org.Owner);
        Assert.Equal("test", owner.GetProperty("grantedBy").GetString());
    }

    [Fact]
    public async Task GrantingOrRevokingTheRole_IsNotOffered_405_NothingChanged()
    {
        // A leaked read-write key that could grant the role to someone it had just invited would mint keys through
        // them, and one that could revoke it would remove every other admin: both stay in the portal.
        var (org, client, _) = await OwnAsync();
        await GrantCarolInThePortalAsync(org);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await GrantAsync(client, $"dave@{org.Domain}")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.DeleteAsync($"/api/v1/parent/admins/{org.Carol}")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.DeleteAsync($"/api/v1/parent/admins/{org.Owner}")).StatusCode);
        Assert.Equal(new[] { org.Owner, org.Carol }.Order().ToList(), await AdminsAsync(org.ParentId));
    }

    // Who must not read the list.

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheRoleIsTheWholeParents()
    {
        var (org, _, _) = await OwnAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        var problem = await AssertProblemAsync(await limited.GetAsync("/api/v1/parent/admins"), HttpStatusCode.Forbidden);

        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        Assert.DoesNotContain($"owner@{org.Domain}", problem.GetRawText());
    }

    [Fact]
    public async Task AnotherParentsKey_SeesOnlyItsOwnParentsAdmins()
    {
        var (org, _, _) = await OwnAsync();
        await GrantCarolInThePortalAsync(org);
        var (other, stranger, _) = await OwnAsync();

        var list = await stranger.GetStringAsync("/api/v1/parent/admins");

        Assert.DoesNotContain(org.Domain, list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"owner@{other.Domain}", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403()
    {
        var (org, client, _) = await OwnAsync();
        await GrantCarolInThePortalAsync(org);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.GetAsync("/api/v1/parent/admins"), HttpStatusCode.Forbidden);
        Assert.Equal([org.Carol], await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task NoKeyOrARevokedOne_401()
    {
        var (org, _, key) = await OwnAsync();
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        await AssertProblemAsync(await portal.KeyClient(null).GetAsync("/api/v1/parent/admins"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync("/api/v1/parent/admins"), HttpStatusCode.Unauthorized);
        Assert.Equal([org.Owner], await AdminsAsync(org.ParentId));
    }
}

public sealed class SqliteParentAdminEndpointTests(ApiKestrelPortal portal) : ParentAdminEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresParentAdminEndpointTests(PostgresApiKestrelPortal portal) : ParentAdminEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
