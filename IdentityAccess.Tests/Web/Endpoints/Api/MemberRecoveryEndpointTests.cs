using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/members/{personId}/clear-role-override and /restore-previous-role on Kestrel: the members
/// page's role recovery through its commands, audited with the key's name, refused as the page refuses (nothing to
/// clear or restore, one's own role), and who must not. Each test has an organization of its own, where a directory
/// change took Carol's Admin role (she is a User, Admin to restore) and Dave's Admin role is kept by hand.
/// </summary>
public abstract class MemberRecoveryEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(OwnSettingsOrganization org, Guid personId, string action) =>
        $"/api/v1/organizations/{org.OrganizationId}/members/{personId}/{action}";

    private const string Clear = "clear-role-override";

    private const string Restore = "restore-previous-role";

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && m.PersonId == org.Carol)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RoleBeforeSync, Role.Admin));
        await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && m.PersonId == org.Dave).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Role, Role.Admin).SetProperty(m => m.RoleOverride, Role.Admin)
            .SetProperty(m => m.RoleOverrideSetAt, DateTimeOffset.UtcNow).SetProperty(m => m.RoleOverrideSetBy, "Owner"));
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private async Task<Membership> MemberAsync(OwnSettingsOrganization org, Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.AsNoTracking().SingleAsync(m => m.OrganizationId == org.OrganizationId && m.PersonId == personId);
    }

    private async Task<List<string>> RecoveryAuditAsync(OwnSettingsOrganization org)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.OrganizationId == org.OrganizationId
            && (e.Action == "membership.role_override_cleared" || e.Action == "membership.role_restored")).Select(e => e.ViaApiKey ?? "").ToListAsync();
    }

    [Fact]
    public async Task MembersList_SaysWhoHasARoleKeptByHand_AndWhoARoleToRestore()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        var members = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org.OrganizationId}/members")).GetProperty("items").EnumerateArray()
            .ToDictionary(m => m.GetProperty("personId").GetGuid());

        Assert.Equal(("Admin", JsonValueKind.Null), (members[org.Dave].GetProperty("roleOverride").GetString(), members[org.Dave].GetProperty("previousRole").ValueKind));
        Assert.Equal((JsonValueKind.Null, "Admin"), (members[org.Carol].GetProperty("roleOverride").ValueKind, members[org.Carol].GetProperty("previousRole").GetString()));
    }

    [Fact]
    public async Task ClearOverride_TheIdpDecidesAgain_AnsweredWithTheMember_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PostAsync(Url(org, org.Dave, Clear), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((org.Dave, JsonValueKind.Null), (member.GetProperty("personId").GetGuid(), member.GetProperty("roleOverride").ValueKind));
        var dave = await MemberAsync(org, org.Dave);
        Assert.Equal(((Role?)null, (string?)null), (dave.RoleOverride, dave.RoleOverrideSetBy));
        Assert.Equal([$"{key.Name} ({key.Prefix})"], await RecoveryAuditAsync(org));

        var again = await AssertProblemAsync(await client.PostAsync(Url(org, org.Dave, Clear), null), HttpStatusCode.Conflict);
        Assert.Equal("NoRoleOverride", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Restore_GivesBackTheRoleSyncTook_Once_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PostAsync(Url(org, org.Carol, Restore), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Admin", JsonValueKind.Null), (member.GetProperty("role").GetString(), member.GetProperty("previousRole").ValueKind));
        var carol = await MemberAsync(org, org.Carol);
        Assert.Equal((Role.Admin, (Role?)null), (carol.Role, carol.RoleBeforeSync));
        Assert.Equal([$"{key.Name} ({key.Prefix})"], await RecoveryAuditAsync(org));

        var again = await AssertProblemAsync(await client.PostAsync(Url(org, org.Carol, Restore), null), HttpStatusCode.Conflict);
        Assert.Equal("NothingToRestore", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Restore_OnesOwnRole_403CannotRestoreOwnRole_AnotherAdminDecides()
    {
        // Carol, a chat Admin and parent admin, had the Owner role taken by a directory change.
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var carol = await ChatAdminKey.CarolsAsync(portal, org);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && m.PersonId == org.Carol)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.RoleBeforeSync, Role.Owner));
        }

        var own = await AssertProblemAsync(await carol.PostAsync(Url(org, org.Carol, Restore), null), HttpStatusCode.Forbidden);

        Assert.Equal("CannotRestoreOwnRole", own.GetProperty("code").GetString());
        Assert.Equal((Role.Admin, (Role?)Role.Owner), ((await MemberAsync(org, org.Carol)).Role, (await MemberAsync(org, org.Carol)).RoleBeforeSync));
        // Clearing an override is the top role's (the Identity and access page's permission), not a chat Admin's.
        await AssertProblemAsync(await carol.PostAsync(Url(org, org.Dave, Clear), null), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NotAMember_404MemberNotFound_UnknownOrganization_404()
    {
        var (org, client, _) = await OwnAsync();

        foreach (var action in new[] { Clear, Restore })
        {
            var problem = await AssertProblemAsync(await client.PostAsync(Url(org, Guid.NewGuid(), action), null), HttpStatusCode.NotFound);
            Assert.Equal("MemberNotFound", problem.GetProperty("code").GetString());
            await AssertProblemAsync(await client.PostAsync($"/api/v1/organizations/{Guid.NewGuid()}/members/{org.Carol}/{action}", null), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task WhoMustNot_EachRefused_NothingChanged()
    {
        var (org, _, _) = await OwnAsync();
        var callers = await RefusedApiCallers.CreateAsync(portal, org);

        await callers.AssertEachRefusedAsync(client => client.PostAsync(Url(org, org.Dave, Clear), null));
        await callers.AssertEachRefusedAsync(client => client.PostAsync(Url(org, org.Carol, Restore), null));

        var (carol, dave) = (await MemberAsync(org, org.Carol), await MemberAsync(org, org.Dave));
        Assert.Equal((Role.User, (Role?)Role.Admin), (carol.Role, carol.RoleBeforeSync));
        Assert.Equal((Role.Admin, (Role?)Role.Admin), (dave.Role, dave.RoleOverride));
        Assert.Empty(await RecoveryAuditAsync(org));
    }
}

public sealed class SqliteMemberRecoveryEndpointTests(ApiKestrelPortal portal) : MemberRecoveryEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresMemberRecoveryEndpointTests(PostgresApiKestrelPortal portal) : MemberRecoveryEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
