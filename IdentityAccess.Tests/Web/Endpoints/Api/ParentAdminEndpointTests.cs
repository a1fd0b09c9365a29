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
/// /api/v1/parent/admins on Kestrel: list, grant by email and revoke as the parent page does, with its rules (a member
/// of the parent's organizations only, never the last admin, revoking oneself allowed while another remains, after which
/// the creator's keys stop); and who must not. Each test has a parent of its own.
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

    private async Task<List<Guid>> AdminsAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ParentAdministrators.Where(a => a.ParentOrganizationId == parentId).Select(a => a.PersonId).OrderBy(p => p).ToListAsync();
    }

    [Fact]
    public async Task List_TheOwnerWithWhenAndByWhom()
    {
        var (org, client, _) = await OwnAsync();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/parent/admins");

        var admin = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(org.Owner, admin.GetProperty("personId").GetGuid());
        Assert.Equal($"owner@{org.Domain}", admin.GetProperty("email").GetString());
        Assert.Equal("test", admin.GetProperty("grantedBy").GetString());
    }

    [Fact]
    public async Task Grant_AMemberByEmail_201_Listed_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await GrantAsync(client, Carol(org).ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(org.Carol, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetGuid());
        Assert.Contains(org.Carol, await AdminsAsync(org.ParentId));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "parent.admin_granted");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Theory]
    [InlineData(null, "ParentAdminEmailRequired")]
    [InlineData("nobody@elsewhere.test", "NotAMemberUnderParent")]
    public async Task Grant_NoEmailOrNotAMember_400OnTheField_NothingChanged(string? email, string code)
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await GrantAsync(client, email), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("email", problem.GetProperty("field").GetString());
        Assert.Equal([org.Owner], await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task Grant_AlreadyAnAdmin_409()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await GrantAsync(client, $"owner@{org.Domain}"), HttpStatusCode.Conflict);

        Assert.Equal("AlreadyParentAdmin", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Revoke_AnotherAdmin_204_NoLongerListed()
    {
        var (org, client, _) = await OwnAsync();
        await GrantAsync(client, Carol(org));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/parent/admins/{org.Carol}")).StatusCode);

        Assert.Equal([org.Owner], await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task Revoke_TheLastAdmin_ItsOwnCreator_409_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.DeleteAsync($"/api/v1/parent/admins/{org.Owner}"), HttpStatusCode.Conflict);

        Assert.Equal("LastParentAdmin", problem.GetProperty("code").GetString());
        Assert.Equal([org.Owner], await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task Revoke_ItsOwnCreator_WhileAnotherAdminRemains_204_ThenTheKeyIs403ForReadsAndWrites()
    {
        var (org, client, _) = await OwnAsync();
        await GrantAsync(client, Carol(org));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/parent/admins/{org.Owner}")).StatusCode);

        Assert.Equal([org.Carol], await AdminsAsync(org.ParentId));
        await AssertProblemAsync(await client.GetAsync("/api/v1/parent/admins"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await GrantAsync(client, $"owner@{org.Domain}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/parent/admins/{org.Carol}"), HttpStatusCode.Forbidden);
        Assert.Equal([org.Carol], await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task Revoke_SomeoneWhoIsNotAnAdmin_404()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.DeleteAsync($"/api/v1/parent/admins/{org.Dave}"), HttpStatusCode.NotFound);

        Assert.Equal("ParentAdminNotFound", problem.GetProperty("code").GetString());
    }

    // Who must not.

    [Fact]
    public async Task ReadOnlyKey_Lists_ButMayNotGrantOrRevoke_403()
    {
        var (org, writer, _) = await OwnAsync();
        await GrantAsync(writer, Carol(org));
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/parent/admins")).StatusCode);
        await AssertProblemAsync(await GrantAsync(reader, $"dave@{org.Domain}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await reader.DeleteAsync($"/api/v1/parent/admins/{org.Carol}"), HttpStatusCode.Forbidden);
        Assert.Equal(new[] { org.Owner, org.Carol }.Order().ToList(), await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheRoleIsTheWholeParents()
    {
        var (org, writer, _) = await OwnAsync();
        await GrantAsync(writer, Carol(org));
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        var problem = await AssertProblemAsync(await limited.GetAsync("/api/v1/parent/admins"), HttpStatusCode.Forbidden);
        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await GrantAsync(limited, $"dave@{org.Domain}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await limited.DeleteAsync($"/api/v1/parent/admins/{org.Carol}"), HttpStatusCode.Forbidden);
        Assert.Equal(new[] { org.Owner, org.Carol }.Order().ToList(), await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task AnotherParentsKey_CannotSeeGrantOrRevokeThisParentsAdmins()
    {
        var (org, client, _) = await OwnAsync();
        await GrantAsync(client, Carol(org));
        var (other, stranger, _) = await OwnAsync();

        Assert.DoesNotContain(Carol(org), await stranger.GetStringAsync("/api/v1/parent/admins"), StringComparison.OrdinalIgnoreCase);
        await AssertProblemAsync(await stranger.DeleteAsync($"/api/v1/parent/admins/{org.Carol}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await GrantAsync(stranger, $"dave@{org.Domain}"), HttpStatusCode.BadRequest); // not a member under its parent
        Assert.Equal(new[] { org.Owner, org.Carol }.Order().ToList(), await AdminsAsync(org.ParentId));
        Assert.Equal([other.Owner], await AdminsAsync(other.ParentId));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();
        await GrantAsync(client, Carol(org));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await GrantAsync(client, $"owner@{org.Domain}"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/parent/admins/{org.Carol}"), HttpStatusCode.Forbidden);
        Assert.Equal([org.Carol], await AdminsAsync(org.ParentId));
    }

    [Fact]
    public async Task NoKeyOrARevokedOne_401_NothingChanged()
    {
        var (org, _, key) = await OwnAsync();
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        await AssertProblemAsync(await portal.KeyClient(null).GetAsync("/api/v1/parent/admins"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await GrantAsync(portal.KeyClient(key.Token), Carol(org)), HttpStatusCode.Unauthorized);
        Assert.Equal([org.Owner], await AdminsAsync(org.ParentId));
    }
}

public sealed class SqliteParentAdminEndpointTests(ApiKestrelPortal portal) : ParentAdminEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresParentAdminEndpointTests(PostgresApiKestrelPortal portal) : ParentAdminEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
