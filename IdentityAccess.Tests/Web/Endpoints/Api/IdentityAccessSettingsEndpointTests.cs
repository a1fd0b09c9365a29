using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/identity-access on Kestrel: read, dry run (the settings page's own preview, with a
/// fingerprint) and apply (refused when the dry run no longer holds, when the typed confirmation is missing or wrong,
/// when it would lock the caller out), audited with the key's name. Each writing test has an organization of its own.
/// </summary>
public abstract partial class IdentityAccessSettingsEndpointTests(ApiKestrelPortal portal)
{
    private ProvisioningSettingsService Settings => portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();

    private static string Url(Guid organizationId, string action = "") => $"/api/v1/organizations/{organizationId}/identity-access{action}";

    /// <summary>Directory sync with the Owner as break-glass owner: Carol and Dave, added by hand and not assigned, would be removed.</summary>
    private static JsonObject ScimBody(OwnSettingsOrganization org) => new()
    {
        ["mode"] = "Scim",
        ["advancedGroupMappings"] = false,
        ["roleMappings"] = new JsonArray(),
        ["tierMappings"] = new JsonArray(),
        ["breakGlassPersonId"] = org.Owner,
    };

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private async Task<JsonElement> DryRunAsync(HttpClient client, Guid organizationId, JsonNode body)
    {
        var response = await client.PostAsync(Url(organizationId, "/dry-run"), Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonObject WithApply(JsonObject body, string? fingerprint, int? confirm = null)
    {
        var copy = body.DeepClone().AsObject();
        copy["fingerprint"] = fingerprint;
        if (confirm is { } count)
        {
            copy["confirm"] = count;
        }

        return copy;
    }

    private static List<string> People(JsonElement dryRun, string change) =>
        [.. dryRun.GetProperty("changes").EnumerateArray().Where(g => g.GetProperty("change").GetString() == change)
            .SelectMany(g => g.GetProperty("people").EnumerateArray()).Select(p => p.GetProperty("email").GetString()!)];

    private async Task<int> SettingsVersionAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.SettingsVersion).SingleAsync();
    }

    [Fact]
    public async Task Get_TheSettingsAndWhatMayBeChosen()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        var settings = await client.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId));

        Assert.Equal("Manual", settings.GetProperty("mode").GetString());
        Assert.False(settings.GetProperty("advancedGroupMappings").GetBoolean());
        Assert.Equal(1, settings.GetProperty("settingsVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("breakGlassPersonId").ValueKind);
        Assert.All(settings.GetProperty("modes").EnumerateArray(), m => Assert.True(m.GetProperty("allowed").GetBoolean()));
        Assert.Contains("Owner", settings.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Owners", "Staff"], settings.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Get_TeamPlan_DirectorySyncNotAllowed_WithItsReasonCode_AndADryRunAskingForIt400()
    {
        var grace = portal.Demo.Person("grace@globex.test");
        var key = await portal.CreateKeyAsync(portal.Demo.GlobexParent, grace, ApiKeyScope.ReadOnly);
        var client = portal.KeyClient(key.Token);

        var settings = await client.GetFromJsonAsync<JsonElement>(Url(portal.Demo.GlobexTeam));
        var scim = settings.GetProperty("modes").EnumerateArray().Single(m => m.GetProperty("mode").GetString() == "Scim");
        Assert.False(scim.GetProperty("allowed").GetBoolean());
        Assert.Equal("TeamPlan", scim.GetProperty("reason").GetString());

        var body = new JsonObject { ["mode"] = "Scim", ["advancedGroupMappings"] = false, ["breakGlassPersonId"] = null };
        var problem = await AssertProblemAsync(await client.PostAsync(Url(portal.Demo.GlobexTeam, "/dry-run"), Json(body)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _));
        Assert.Contains("TeamPlan", problem.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task DryRun_IsTheSettingsPagesPreview_WithItsFingerprint()
    {
        var (org, client, _) = await OwnAsync();

        var dryRun = await DryRunAsync(client, org.OrganizationId, ScimBody(org));

        var preview = await Settings.PreviewAsync(org.OrganizationId,
            ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim, BreakGlassPersonId = org.Owner }, org.Owner);
        Assert.Equal(PreviewFingerprint.Of(preview.Plan!, preview.AffectedOthers), dryRun.GetProperty("fingerprint").GetString());
        Assert.Equal(preview.Plan!.With(ChangeKind.Deprovision).Select(o => o.Person.Email).Order(), People(dryRun, "Deprovision").Order());
        Assert.Equal([$"carol@{org.Domain}", $"dave@{org.Domain}"], People(dryRun, "Deprovision"));
        Assert.Equal(2, dryRun.GetProperty("affectedOthers").GetInt32());
        Assert.True(dryRun.GetProperty("needsConfirmation").GetBoolean());
        Assert.True(dryRun.GetProperty("canApply").GetBoolean());
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId)); // a dry run writes nothing
    }

    [Fact]
    public async Task Apply_RightFingerprintAndConfirmation_Saves_AndTheAuditNamesTheKey_UnlikeTheSameSaveInThePortal()
    {
        var (org, client, key) = await OwnAsync();
        var fingerprint = (await DryRunAsync(client, org.OrganizationId, ScimBody(org))).GetProperty("fingerprint").GetString();

        var response = await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fingerprint, confirm: 2)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var applied = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Scim", applied.GetProperty("settings").GetProperty("mode").GetString());
        Assert.Equal(2, applied.GetProperty("settings").GetProperty("settingsVersion").GetInt32());
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == org.OrganizationId && e.Action == "provisioning.settings_changed");
            Assert.Equal((org.Owner, $"{key.Name} ({key.Prefix})"), (entry.ActorPersonId, entry.ViaApiKey));
            var memberships = await db.AuditEvents.Where(e => e.OrganizationId == org.OrganizationId && e.Action.StartsWith("membership.")).ToListAsync();
            Assert.Contains(memberships, e => e.Target == $"carol@{org.Domain}");
            Assert.Contains(memberships, e => e.Target == $"dave@{org.Domain}");
            Assert.All(memberships, e => Assert.Equal(entry.ViaApiKey, e.ViaApiKey));
        }

        // The audit export says so too, in its last column.
        var csv = await portal.CreateClient(org.Owner).GetStringAsync($"/orgs/{org.OrganizationId}/audit/log.csv");
        Assert.Contains(csv.ReplaceLineEndings("\n").Split('\n'), line => line.Contains("provisioning.settings_changed", StringComparison.Ordinal)
            && line.EndsWith($",{key.Name} ({key.Prefix})", StringComparison.Ordinal));

        // The same command from the settings page: the person, no key.
        var portalSave = await Settings.SaveAsync(org.OrganizationId, ProvisioningDraft.Manual(2) with { BreakGlassPersonId = org.Owner }, org.Owner, null);
        Assert.Empty(portalSave.Errors);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var entries = await db.AuditEvents.Where(e => e.OrganizationId == org.OrganizationId && e.Action == "provisioning.settings_changed").ToListAsync();
            Assert.Equal(2, entries.Count);
            Assert.Single(entries, e => e.ViaApiKey is null && e.ActorPersonId == org.Owner);
        }
    }

    [Fact]
    public async Task Apply_ConfirmationMissingOrWrong_422SayingHowMany_NothingSaved_ThenRight_200()
    {
        var (org, client, _) = await OwnAsync();
        var fingerprint = (await DryRunAsync(client, org.OrganizationId, ScimBody(org))).GetProperty("fingerprint").GetString();

        foreach (var confirm in new int?[] { null, 1, 3 })
        {
            var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fingerprint, confirm))),
                HttpStatusCode.UnprocessableEntity);
            Assert.Equal(("ConfirmationRequired", 2, "InvalidInput"),
                (problem.GetProperty("code").GetString(), problem.GetProperty("affectedOthers").GetInt32(), problem.GetProperty("title").GetString()));
            Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
        }

        // The count in the query, as ?confirm=2.
        var response = await client.PostAsync(Url(org.OrganizationId, "/apply?confirm=2"), Json(WithApply(ScimBody(org), fingerprint)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await SettingsVersionAsync(org.OrganizationId));
    }

    [Fact]
    public async Task Apply_DirectoryChangedSinceTheDryRun_409WithTheNewDryRun_ThenItsFingerprintApplies()
    {
        var (org, client, _) = await OwnAsync();
        var first = await DryRunAsync(client, org.OrganizationId, ScimBody(org));

        // Meanwhile the IdP assigns Carol: switching to directory sync no longer removes her.
        var scim = await AcmeScimDirectory.ClientForAsync(portal, org.ParentId);
        var created = await scim.PostAsync("/scim/v2/Users", AcmeScimDirectory.Scim($$"""{"userName":"carol@{{org.Domain}}","active":true,"displayName":"Carol Cruz"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var stale = await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), first.GetProperty("fingerprint").GetString(), 2)));

        var problem = await AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("DryRunOutdated", problem.GetProperty("code").GetString());
        var fresh = problem.GetProperty("dryRun");
        Assert.NotEqual(first.GetProperty("fingerprint").GetString(), fresh.GetProperty("fingerprint").GetString());
        Assert.Equal([$"dave@{org.Domain}"], People(fresh, "Deprovision"));
        Assert.Equal(1, fresh.GetProperty("affectedOthers").GetInt32());
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));

        var retried = await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fresh.GetProperty("fingerprint").GetString(), 1)));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task Apply_SettingsSavedSinceTheDryRun_409()
    {
        var (org, client, _) = await OwnAsync();
        var fingerprint = (await DryRunAsync(client, org.OrganizationId, ScimBody(org))).GetProperty("fingerprint").GetString();
        Assert.Empty((await Settings.SaveAsync(org.OrganizationId, ProvisioningDraft.Manual() with { BreakGlassPersonId = org.Owner }, org.Owner, null)).Errors);

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fingerprint, 2))),
            HttpStatusCode.Conflict);

        Assert.Equal("DryRunOutdated", problem.GetProperty("code").GetString());
        Assert.Equal(2, await SettingsVersionAsync(org.OrganizationId));
    }

    [Fact]
    public async Task SelfLockout_TheDryRunSaysSo_AndTheApplyIs409WithTheUIsCategory_NothingSaved()
    {
        var (org, client, _) = await OwnAsync();
        // Only Staff (which the Owner is not in) grants Owner, and no break-glass owner: the Owner would lose the role.
        var body = ScimBody(org);
        body["advancedGroupMappings"] = true;
        body["roleMappings"] = new JsonArray(new JsonObject { ["groupKey"] = org.StaffGroup, ["role"] = "Owner" });
        body["breakGlassPersonId"] = null;

        var dryRun = await DryRunAsync(client, org.OrganizationId, body);
        Assert.False(dryRun.GetProperty("canApply").GetBoolean());
        Assert.Contains("WouldLockOutActingPerson", dryRun.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        var problem = await AssertProblemAsync(
            await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(body, dryRun.GetProperty("fingerprint").GetString(), 3))),
            HttpStatusCode.Conflict);
        Assert.Equal(("WouldLockOutActingPerson", "Conflict"), (problem.GetProperty("code").GetString(), problem.GetProperty("title").GetString()));
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
    }
}

public sealed class SqliteIdentityAccessSettingsEndpointTests(ApiKestrelPortal portal)
    : IdentityAccessSettingsEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresIdentityAccessSettingsEndpointTests(PostgresApiKestrelPortal portal)
    : IdentityAccessSettingsEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
