using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/group-mappings on Kestrel: read, dry run and apply with the settings resource's own safety
/// (a fingerprint, 409 with the new dry run, the typed confirm), the mode left as saved; an unknown group by its field;
/// and who must not (<c>.WhoMustNot.cs</c>), each time with the settings as they were. Each test has an organization of
/// its own under directory sync (<see cref="SeatQueueOrganization"/>: Owners → Owner on Premium, Staff → User on Standard).
/// </summary>
public abstract partial class GroupMappingEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, string action = "") => $"/api/v1/organizations/{organizationId}/group-mappings{action}";

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Owners → Owner on Premium; Staff → User on <paramref name="staffTier"/>, or no Staff mapping at all.</summary>
    private static JsonObject Mappings(OwnSettingsOrganization org, string? staffTier, string? fingerprint = null, int? confirm = null)
    {
        var roles = new JsonArray(new JsonObject { ["groupKey"] = org.OwnersGroup, ["role"] = "Owner" });
        var tiers = new JsonArray(new JsonObject { ["groupKey"] = org.OwnersGroup, ["tier"] = "Premium" });
        if (staffTier is not null)
        {
            roles.Add(new JsonObject { ["groupKey"] = org.StaffGroup, ["role"] = "User" });
            tiers.Add(new JsonObject { ["groupKey"] = org.StaffGroup, ["tier"] = staffTier });
        }

        var body = new JsonObject { ["roleMappings"] = roles, ["tierMappings"] = tiers, ["fingerprint"] = fingerprint };
        if (confirm is { } count)
        {
            body["confirm"] = count;
        }

        return body;
    }

    private async Task<(SeatQueueOrganization Queue, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var queue = await SeatQueueOrganization.CreateAsync(portal, 2);
        var key = await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, scope);
        return (queue, portal.KeyClient(key.Token), key);
    }

    private async Task<string> FingerprintAsync(HttpClient client, OwnSettingsOrganization org, string? staffTier)
    {
        var response = await client.PostAsync(Url(org.OrganizationId, "/dry-run"), Json(Mappings(org, staffTier)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fingerprint").GetString()!;
    }

    private async Task<(int Version, ProvisioningMode Mode)> SavedAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var saved = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.SettingsVersion, o.ProvisioningMode }).SingleAsync();
        return (saved.SettingsVersion, saved.ProvisioningMode);
    }

    [Fact]
    public async Task Get_TheRoleAndTierMappings_ByGroupKeyWithTheirNames_AndTheGroups()
    {
        var (queue, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);
        var org = queue.Org;

        var mappings = await client.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId));

        Assert.Equal([(org.OwnersGroup, "Owners", "Owner"), (org.StaffGroup, "Staff", "User")],
            mappings.GetProperty("roleMappings").EnumerateArray().Select(m => (m.GetProperty("groupKey").GetString(), m.GetProperty("groupName").GetString(), m.GetProperty("role").GetString())));
        Assert.Equal([(org.OwnersGroup, "Premium"), (org.StaffGroup, "Standard")],
            mappings.GetProperty("tierMappings").EnumerateArray().Select(m => (m.GetProperty("groupKey").GetString(), m.GetProperty("tier").GetString())));
        Assert.True(mappings.GetProperty("advancedGroupMappings").GetBoolean());
        Assert.Equal(2, mappings.GetProperty("settingsVersion").GetInt32());
        Assert.Equal(["Owners", "Staff"], mappings.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task DryRunThenApply_StaffOnPremium_TheWaitingAreAdmitted_TheModeStays_AuditedWithTheKey()
    {
        var (queue, client, key) = await OwnAsync();
        var org = queue.Org;
        var dryRun = await client.PostAsync(Url(org.OrganizationId, "/dry-run"), Json(Mappings(org, "Premium")));
        var fingerprint = (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fingerprint").GetString();
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Equal((2, ProvisioningMode.Scim), await SavedAsync(org.OrganizationId)); // a dry run changes nothing

        var response = await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, "Premium", fingerprint)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var applied = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(applied.GetProperty("groupMappings").GetProperty("tierMappings").EnumerateArray(),
            m => m.GetProperty("groupKey").GetString() == org.StaffGroup && m.GetProperty("tier").GetString() == "Premium");
        Assert.Equal(fingerprint, applied.GetProperty("applied").GetProperty("fingerprint").GetString());
        Assert.Equal((3, ProvisioningMode.Scim), await SavedAsync(org.OrganizationId));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.OrganizationId == org.OrganizationId && m.Status == MembershipStatus.Active && m.SeatTier == SeatTier.Premium
            && queue.Waiting.Contains(m.Person!.Email)));
        var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == org.OrganizationId && e.Action == "provisioning.settings_changed" && e.ViaApiKey != null);
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task UnknownGroupKey_400NamingTheField_NothingSaved()
    {
        var (queue, client, _) = await OwnAsync();
        var body = Mappings(queue.Org, "Standard");
        body["roleMappings"]![1]!["groupKey"] = "no-such-group";

        foreach (var action in new[] { "/dry-run", "/apply" })
        {
            var problem = await AssertProblemAsync(await client.PostAsync(Url(queue.Org.OrganizationId, action), Json(body)), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("roleMappings[1].groupKey", out _), problem.GetRawText());
            Assert.Contains(problem.GetProperty("refusals").EnumerateArray(), r => r.GetProperty("code").GetString() == "UnknownGroup");
        }

        Assert.Equal((2, ProvisioningMode.Scim), await SavedAsync(queue.Org.OrganizationId));
    }

    [Fact]
    public async Task Apply_SettingsSavedSinceTheDryRun_409WithTheNewDryRun_NothingSaved()
    {
        var (queue, client, _) = await OwnAsync();
        var org = queue.Org;
        var fingerprint = await FingerprintAsync(client, org, "Premium");
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = (await settings.GetAsync(org.OrganizationId, org.Owner))!.Saved;
        var draft = saved with { RoleMappings = [new RoleMapping(org.OwnersGroup, Role.Owner), new RoleMapping(org.StaffGroup, Role.Admin)] };
        Assert.Empty((await settings.SaveAsync(org.OrganizationId, draft, org.Owner, null)).Errors);
        var version = (await SavedAsync(org.OrganizationId)).Version;

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, "Premium", fingerprint))),
            HttpStatusCode.Conflict);

        Assert.Equal("DryRunOutdated", problem.GetProperty("code").GetString());
        Assert.NotEqual(fingerprint, problem.GetProperty("dryRun").GetProperty("fingerprint").GetString());
        Assert.Equal(version, (await SavedAsync(org.OrganizationId)).Version);
    }

    [Fact]
    public async Task Apply_OthersLoseAccess_422UntilConfirmedWithTheirNumber()
    {
        var (queue, client, _) = await OwnAsync();
        var org = queue.Org;
        Assert.Empty(await portal.Factory.Services.GetRequiredService<SeatPurchase>().SetPurchasedAsync(org.OrganizationId, SeatTier.Standard, 2, org.Owner));
        Assert.Null((await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(org.OrganizationId, org.Owner)).Refusal);
        var fingerprint = await FingerprintAsync(client, org, staffTier: null); // Staff no longer mapped: both lose access

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, null, fingerprint))),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal(("ConfirmationRequired", 2), (problem.GetProperty("code").GetString(), problem.GetProperty("affectedOthers").GetInt32()));
        Assert.Equal(2, (await SavedAsync(org.OrganizationId)).Version);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Url(org.OrganizationId, "/apply?confirm=2"), Json(Mappings(org, null, fingerprint)))).StatusCode);
        Assert.Equal(3, (await SavedAsync(org.OrganizationId)).Version);
    }
}

public sealed class SqliteGroupMappingEndpointTests(ApiKestrelPortal portal) : GroupMappingEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresGroupMappingEndpointTests(PostgresApiKestrelPortal portal) : GroupMappingEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
