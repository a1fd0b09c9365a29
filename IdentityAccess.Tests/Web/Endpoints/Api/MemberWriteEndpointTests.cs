using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/members writes on Kestrel: add, invite, change role or tier, remove, through the members
/// page's own commands, audited with the key's name, and refused as the page refuses (no Owner left, the last Owner
/// leaving, no free seat, a role or tier the product does not have). Each writing test has an organization of its own.
/// </summary>
public abstract partial class MemberWriteEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, Guid? personId = null) =>
        $"/api/v1/organizations/{organizationId}/members" + (personId is { } id ? $"/{id}" : "");

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Via(CreatedApiKey key) => $"{key.Name} ({key.Prefix})";

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    /// <summary>The membership as stored, or null; what a refused request must leave as it was.</summary>
    private async Task<(Role Role, SeatTier? Tier, MembershipStatus Status)?> MembershipAsync(Guid organizationId, Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var row = await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.PersonId == personId);
        return row is null ? null : (row.Role, row.SeatTier, row.Status);
    }

    private async Task<List<IdentityAccess.Core.Audit.AuditEvent>> MemberAuditAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.OrganizationId == organizationId && e.Action.StartsWith("membership.")).ToListAsync();
    }

    /// <summary>Someone of the parent's verified domain the product knows, not yet a member.</summary>
    private async Task<Guid> KnownPersonAsync(OwnSettingsOrganization org, string local)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var person = db.People.Add(Person.Create($"{local}@{org.Domain}", $"{local} Known", DateTimeOffset.UtcNow)).Entity;
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task SetPurchasedAsync(Guid organizationId, SeatTier? tier, int purchased)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.SeatPools.Where(p => p.OrganizationId == organizationId && p.Tier == tier).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, purchased));
    }

    /// <summary>A Console organization under the same parent, with the Owner as its Admin and Carol as a Developer.</summary>
    private async Task<Guid> ConsoleOrganizationAsync(OwnSettingsOrganization org)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = await portal.Factory.CreateDbContextAsync();
        var console = db.Organizations.Add(new Organization
        {
            Name = $"Console {Guid.NewGuid():N}"[..16],
            Plan = OrganizationPlan.Console,
            ParentOrganizationId = org.ParentId,
            CreatedAt = now,
        }).Entity;
        db.SeatPools.Add(new SeatPool { OrganizationId = console.Id, Tier = null, Purchased = 10 });
        db.Memberships.AddRange(Member(org.Owner, Role.Admin), Member(org.Carol, Role.Developer));
        await db.SaveChangesAsync();
        return console.Id;

        Membership Member(Guid personId, Role role) => new()
        {
            OrganizationId = console.Id,
            PersonId = personId,
            Role = role,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = now,
            StatusChangedAt = now,
        };
    }

    [Fact]
    public async Task Add_APersonOfTheParentsDomain_201Active_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();
        var erin = await KnownPersonAsync(org, "erin");

        var response = await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = $"ERIN@{org.Domain}",
            ["displayName"] = "Typed Name",
            ["role"] = "admin",
            ["tier"] = "Standard",
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((erin, "Admin", "Standard", "Active", "Manual"), (member.GetProperty("personId").GetGuid(), member.GetProperty("role").GetString(),
            member.GetProperty("seatTier").GetString(), member.GetProperty("status").GetString(), member.GetProperty("source").GetString()));
        Assert.Equal("erin Known", member.GetProperty("name").GetString()); // a person already known keeps their name, as on the page
        var entry = Assert.Single(await MemberAuditAsync(org.OrganizationId));
        Assert.Equal(("membership.added", $"erin@{org.Domain}", org.Owner, Via(key)), (entry.Action, entry.Target, entry.ActorPersonId, entry.ViaApiKey));
    }

    [Fact]
    public async Task Add_WithoutARole_IsAUser_AsTheDialogPreselects()
    {
        var (org, client, _) = await OwnAsync();

        var response = await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = $"frank@{org.Domain}",
            ["displayName"] = "Frank Fox",
            ["tier"] = "Premium",
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("User", "Premium", "Frank Fox"), (member.GetProperty("role").GetString(), member.GetProperty("seatTier").GetString(),
            member.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Invite_ByEmail_201Invited_TheEmailInTheOutbox_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = $"gina@{org.Domain}",
            ["displayName"] = "Gina Gale",
            ["role"] = "User",
            ["tier"] = "Standard",
            ["invite"] = true,
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Invited", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(InvitationStatus.Pending,
            (await db.Invitations.SingleAsync(i => i.OrganizationId == org.OrganizationId && i.Email == $"gina@{org.Domain}")).Status);
        Assert.Single(await db.OutboxMessages.Where(m => m.OrganizationId == org.OrganizationId && m.ToAddress == $"gina@{org.Domain}").ToListAsync());
        var entry = Assert.Single(await MemberAuditAsync(org.OrganizationId));
        Assert.Equal(("membership.invited", Via(key)), (entry.Action, entry.ViaApiKey));
    }

    [Fact]
    public async Task Change_RoleAndTier_200_EachAuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PatchAsync(Url(org.OrganizationId, org.Carol), Json(new JsonObject { ["role"] = "Admin", ["tier"] = "Premium" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Admin", "Premium"), (member.GetProperty("role").GetString(), member.GetProperty("seatTier").GetString()));
        Assert.Equal((Role.Admin, SeatTier.Premium, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Carol));
        var entries = await MemberAuditAsync(org.OrganizationId);
        Assert.Equal(["membership.role_changed", "membership.tier_changed"], entries.Select(e => e.Action).Order());
        Assert.All(entries, e => Assert.Equal((org.Owner, Via(key)), (e.ActorPersonId, e.ViaApiKey)));
    }

    [Fact]
    public async Task Change_TierOnly_TheRoleStays()
    {
        var (org, client, _) = await OwnAsync();

        var response = await client.PatchAsync(Url(org.OrganizationId, org.Dave), Json(new JsonObject { ["tier"] = "Premium" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((Role.User, SeatTier.Premium, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Dave));
        Assert.Equal(["membership.tier_changed"], (await MemberAuditAsync(org.OrganizationId)).Select(e => e.Action));
    }

    [Fact]
    public async Task Remove_204_TheMembershipRemoved_AuditedWithTheKey_ThenItIs404()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.DeleteAsync(Url(org.OrganizationId, org.Dave));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(MembershipStatus.Removed, (await MembershipAsync(org.OrganizationId, org.Dave))!.Value.Status);
        var entry = Assert.Single(await MemberAuditAsync(org.OrganizationId));
        Assert.Equal(("membership.removed", $"dave@{org.Domain}", Via(key)), (entry.Action, entry.Target, entry.ViaApiKey));
        var again = await AssertProblemAsync(await client.DeleteAsync(Url(org.OrganizationId, org.Dave)), HttpStatusCode.NotFound);
        Assert.Equal("MemberNotFound", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ThePortalsOwnCommand_AuditsNoKey_TheApisDoes()
    {
        var (org, client, key) = await OwnAsync();
        Assert.Empty(await portal.Factory.Services.GetRequiredService<MemberAdministration>()
            .ChangeRoleAsync(org.OrganizationId, (await MembershipIdAsync(org.OrganizationId, org.Carol)), Role.Admin, SeatTier.Standard, org.Owner));

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync(Url(org.OrganizationId, org.Dave), Json(new JsonObject { ["role"] = "Admin" }))).StatusCode);

        var entries = await MemberAuditAsync(org.OrganizationId);
        Assert.Equal([null, Via(key)], entries.OrderBy(e => e.Target == $"dave@{org.Domain}").Select(e => e.ViaApiKey));
    }

    private async Task<Guid> MembershipIdAsync(Guid organizationId, Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == organizationId && m.PersonId == personId).Select(m => m.Id).SingleAsync();
    }
}

public sealed class SqliteMemberWriteEndpointTests(ApiKestrelPortal portal)
    : MemberWriteEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresMemberWriteEndpointTests(PostgresApiKestrelPortal portal)
    : MemberWriteEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
