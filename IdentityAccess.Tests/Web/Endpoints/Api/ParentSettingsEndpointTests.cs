using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/parent on Kestrel: the parent's summary, its plan (the page's stand-in, with its refusals) and its removal
/// grace period (0 to 90 days); and who must not. Each test has a parent of its own.
/// </summary>
public abstract class ParentSettingsEndpointTests(ApiKestrelPortal portal)
{
    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private async Task<(ParentPlan Plan, OrganizationPlan OrganizationPlan, int GraceDays)> StoredAsync(OwnSettingsOrganization org)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parent = await db.ParentOrganizations.AsNoTracking().SingleAsync(p => p.Id == org.ParentId);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.OrganizationId);
        return (parent.Plan, organization.Plan, parent.RemovalGraceDays);
    }

    private static (ParentPlan, OrganizationPlan, int) Unchanged => (ParentPlan.Enterprise, OrganizationPlan.Enterprise, ParentOrganization.DefaultRemovalGraceDays);

    private static Task<HttpResponseMessage> PutGraceAsync(HttpClient client, object body) => client.PutAsJsonAsync("/api/v1/parent/removal-grace-period", body);

    private static Task<HttpResponseMessage> PutPlanAsync(HttpClient client, string? plan) => client.PutAsJsonAsync("/api/v1/parent/plan", new { plan });

    [Fact]
    public async Task Get_NamePlanOrganizationsAndSetup_AsThePageShowsThem()
    {
        var (org, client, _) = await OwnAsync();

        var parent = await client.GetFromJsonAsync<JsonElement>("/api/v1/parent");

        Assert.Equal((org.ParentId, "Enterprise", 1), (parent.GetProperty("id").GetGuid(), parent.GetProperty("plan").GetString(), parent.GetProperty("organizationCount").GetInt32()));
        Assert.EndsWith("Corporation", parent.GetProperty("name").GetString(), StringComparison.Ordinal);
        var setup = parent.GetProperty("setup");
        Assert.True(setup.GetProperty("domainVerified").GetBoolean());
        Assert.False(setup.GetProperty("ssoOn").GetBoolean());
        Assert.False(setup.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task Grace_GetThenPut_SavedAndAuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();
        Assert.Equal(ParentOrganization.DefaultRemovalGraceDays,
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/parent/removal-grace-period")).GetProperty("days").GetInt32());

        var response = await PutGraceAsync(client, new { days = 7 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetInt32());
        Assert.Equal(7, (await StoredAsync(org)).GraceDays);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "parent.removal_grace_changed");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Theory]
    [InlineData(91, "RemovalGraceOutOfRange")]
    [InlineData(-1, "RemovalGraceOutOfRange")]
    [InlineData(null, "RemovalGraceRequired")]
    public async Task Grace_OutOfRangeOrMissing_400OnDays_NothingChanged(int? days, string code)
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await PutGraceAsync(client, new { days }), HttpStatusCode.BadRequest);

        Assert.Equal((code, "days"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("days", out _));
        Assert.Equal(Unchanged, await StoredAsync(org));
    }

    [Fact]
    public async Task Grace_NotANumber_400_NeverA500()
    {
        var (org, client, _) = await OwnAsync();

        await AssertProblemAsync(await PutGraceAsync(client, new { days = "soon" }), HttpStatusCode.BadRequest);

        Assert.Equal(Unchanged, await StoredAsync(org));
    }

    [Fact]
    public async Task Plan_Team_TheChatOrganizationFollows_AnswersTheParent()
    {
        var (org, client, _) = await OwnAsync();

        var response = await PutPlanAsync(client, "team");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Team", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("plan").GetString());
        Assert.Equal((ParentPlan.Team, OrganizationPlan.Team, ParentOrganization.DefaultRemovalGraceDays), await StoredAsync(org));
    }

    [Theory]
    [InlineData("Console")]
    [InlineData("1")]
    [InlineData("Gold")]
    [InlineData(null)]
    public async Task Plan_NotEnterpriseOrTeam_400OnPlan_NothingChanged(string? plan)
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await PutPlanAsync(client, plan), HttpStatusCode.BadRequest);

        Assert.Equal(("ParentPlanRequired", "plan"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(Unchanged, await StoredAsync(org));
    }

    [Fact]
    public async Task Plan_AConsoleOrganizationsOwnParent_400ParentPlanFixed()
    {
        var lab = await StandaloneConsoleOrganization.CreateAsync(portal);
        var client = portal.KeyClient((await portal.CreateKeyAsync(lab.ParentId, lab.Admin, ApiKeyScope.ReadWrite)).Token);

        var problem = await AssertProblemAsync(await PutPlanAsync(client, "Team"), HttpStatusCode.BadRequest);

        Assert.Equal("ParentPlanFixed", problem.GetProperty("code").GetString());
        await using var after = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(ParentPlan.Console, (await after.ParentOrganizations.SingleAsync(p => p.Id == lab.ParentId)).Plan);
    }

    // Who must not.

    [Fact]
    public async Task ReadOnlyKey_Reads_ButMayNotChangeThePlanOrTheGracePeriod_403()
    {
        var (org, _, _) = await OwnAsync();
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/parent")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/parent/removal-grace-period")).StatusCode);
        await AssertProblemAsync(await PutPlanAsync(reader, "Team"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PutGraceAsync(reader, new { days = 1 }), HttpStatusCode.Forbidden);
        Assert.Equal(Unchanged, await StoredAsync(org));
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheSettingsAreTheWholeParents()
    {
        var (org, _, _) = await OwnAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        var problem = await AssertProblemAsync(await limited.GetAsync("/api/v1/parent"), HttpStatusCode.Forbidden);
        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await limited.GetAsync("/api/v1/parent/removal-grace-period"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PutPlanAsync(limited, "Team"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PutGraceAsync(limited, new { days = 1 }), HttpStatusCode.Forbidden);
        Assert.Equal(Unchanged, await StoredAsync(org));
    }

    [Fact]
    public async Task AnotherParentsKey_ChangesOnlyItsOwnParent()
    {
        var (org, _, _) = await OwnAsync();
        var (other, stranger, _) = await OwnAsync();

        Assert.Equal(other.ParentId, (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/parent")).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await PutGraceAsync(stranger, new { days = 3 })).StatusCode);

        Assert.Equal(Unchanged, await StoredAsync(org));
        Assert.Equal(3, (await StoredAsync(other)).GraceDays);
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.GetAsync("/api/v1/parent"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PutPlanAsync(client, "Team"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PutGraceAsync(client, new { days = 1 }), HttpStatusCode.Forbidden);
        Assert.Equal(Unchanged, await StoredAsync(org));
    }

    [Fact]
    public async Task NoKey_401()
    {
        var (org, _, _) = await OwnAsync();

        await AssertProblemAsync(await portal.KeyClient(null).GetAsync("/api/v1/parent"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await PutGraceAsync(portal.KeyClient(null), new { days = 1 }), HttpStatusCode.Unauthorized);
        Assert.Equal(Unchanged, await StoredAsync(org));
    }
}

public sealed class SqliteParentSettingsEndpointTests(ApiKestrelPortal portal) : ParentSettingsEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresParentSettingsEndpointTests(PostgresApiKestrelPortal portal) : ParentSettingsEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
