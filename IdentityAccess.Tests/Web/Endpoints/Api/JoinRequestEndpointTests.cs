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
/// /api/v1/parent/join-requests on Kestrel: a standalone Console organization asks (through its own parent's key) to
/// join a parent, whose key lists, approves (the organization moves; its old parent, left empty, goes with its keys) or
/// declines; and who must not, among them another parent's key approving a request it was not sent.
/// </summary>
public abstract class JoinRequestEndpointTests(ApiKestrelPortal portal)
{
    private sealed record Scenario(StandaloneConsoleOrganization Lab, OwnSettingsOrganization Target, HttpClient LabClient, HttpClient TargetClient, Guid RequestId);

    private async Task<Scenario> RequestedAsync()
    {
        var lab = await StandaloneConsoleOrganization.CreateAsync(portal);
        var target = await OwnSettingsOrganization.CreateAsync(portal);
        var labClient = portal.KeyClient((await portal.CreateKeyAsync(lab.ParentId, lab.Admin, ApiKeyScope.ReadWrite)).Token);
        var targetClient = portal.KeyClient((await portal.CreateKeyAsync(target.ParentId, target.Owner, ApiKeyScope.ReadWrite)).Token);
        var response = await labClient.PostAsJsonAsync($"/api/v1/organizations/{lab.OrganizationId}/parent-membership/join-request", new { parentId = target.ParentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(target.ParentId, request.GetProperty("parentId").GetGuid());
        return new(lab, target, labClient, targetClient, request.GetProperty("id").GetGuid());
    }

    private async Task<(Guid ParentId, JoinRequestStatus Status)> StoredAsync(Scenario scenario)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parentId = await db.Organizations.Where(o => o.Id == scenario.Lab.OrganizationId).Select(o => o.ParentOrganizationId).SingleAsync();
        var status = await db.OrganizationJoinRequests.Where(r => r.Id == scenario.RequestId).Select(r => r.Status).SingleAsync();
        return (parentId, status);
    }

    private static (Guid, JoinRequestStatus) Pending(Scenario scenario) => (scenario.Lab.ParentId, JoinRequestStatus.Pending);

    private static string Approve(Scenario scenario) => $"/api/v1/parent/join-requests/{scenario.RequestId}/approve";

    private static string Decline(Scenario scenario) => $"/api/v1/parent/join-requests/{scenario.RequestId}/decline";

    [Fact]
    public async Task Approve_TheOrganizationMoves_TheOldParentGoesWithItsKeys()
    {
        var scenario = await RequestedAsync();
        var listed = Assert.Single((await scenario.TargetClient.GetFromJsonAsync<JsonElement>("/api/v1/parent/join-requests")).GetProperty("items").EnumerateArray());
        Assert.Equal((scenario.Lab.OrganizationId, "Console"), (listed.GetProperty("organizationId").GetGuid(), listed.GetProperty("plan").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await scenario.TargetClient.PostAsync(Approve(scenario), null)).StatusCode);

        Assert.Equal((scenario.Target.ParentId, JoinRequestStatus.Approved), await StoredAsync(scenario));
        Assert.Contains(scenario.Lab.OrganizationId.ToString(), await scenario.TargetClient.GetStringAsync("/api/v1/organizations"), StringComparison.Ordinal);
        Assert.Empty((await scenario.TargetClient.GetFromJsonAsync<JsonElement>("/api/v1/parent/join-requests")).GetProperty("items").EnumerateArray());
        // The old parent was left empty and deleted with its keys: nothing of the organization through them.
        await AssertProblemAsync(await scenario.LabClient.GetAsync($"/api/v1/organizations/{scenario.Lab.OrganizationId}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Decline_TheOrganizationStays_NoLongerPending()
    {
        var scenario = await RequestedAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await scenario.TargetClient.PostAsync(Decline(scenario), null)).StatusCode);

        Assert.Equal((scenario.Lab.ParentId, JoinRequestStatus.Declined), await StoredAsync(scenario));
        var membership = await scenario.LabClient.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{scenario.Lab.OrganizationId}/parent-membership");
        Assert.Equal(JsonValueKind.Null, membership.GetProperty("pendingRequest").ValueKind);
    }

    [Fact]
    public async Task DecideAgain_OrAnUnknownRequest_404()
    {
        var scenario = await RequestedAsync();
        await scenario.TargetClient.PostAsync(Decline(scenario), null);

        var problem = await AssertProblemAsync(await scenario.TargetClient.PostAsync(Approve(scenario), null), HttpStatusCode.NotFound);

        Assert.Equal("JoinRequestNotFound", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await scenario.TargetClient.PostAsync($"/api/v1/parent/join-requests/{Guid.NewGuid()}/decline", null), HttpStatusCode.NotFound);
        Assert.Equal((scenario.Lab.ParentId, JoinRequestStatus.Declined), await StoredAsync(scenario));
    }

    // Who must not.

    [Fact]
    public async Task AnotherParentsKey_CannotSeeApproveOrDeclineARequestItWasNotSent_404()
    {
        var scenario = await RequestedAsync();
        var other = await OwnSettingsOrganization.CreateAsync(portal);
        var stranger = portal.KeyClient((await portal.CreateKeyAsync(other.ParentId, other.Owner, ApiKeyScope.ReadWrite)).Token);

        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/v1/parent/join-requests")).GetProperty("items").EnumerateArray());
        await AssertProblemAsync(await stranger.PostAsync(Approve(scenario), null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await stranger.PostAsync(Decline(scenario), null), HttpStatusCode.NotFound);
        // Nor the organization's own parent, which asked: only the parent asked decides.
        await AssertProblemAsync(await scenario.LabClient.PostAsync(Approve(scenario), null), HttpStatusCode.NotFound);
        Assert.Equal(Pending(scenario), await StoredAsync(scenario));
    }

    [Fact]
    public async Task ReadOnlyKey_Lists_ButMayNotDecide_403()
    {
        var scenario = await RequestedAsync();
        var reader = portal.KeyClient((await portal.CreateKeyAsync(scenario.Target.ParentId, scenario.Target.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/parent/join-requests")).StatusCode);
        await AssertProblemAsync(await reader.PostAsync(Approve(scenario), null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await reader.PostAsync(Decline(scenario), null), HttpStatusCode.Forbidden);
        Assert.Equal(Pending(scenario), await StoredAsync(scenario));
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403()
    {
        var scenario = await RequestedAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(scenario.Target.ParentId, scenario.Target.Owner, ApiKeyScope.ReadWrite,
            scenario.Target.OrganizationId)).Token);

        var problem = await AssertProblemAsync(await limited.GetAsync("/api/v1/parent/join-requests"), HttpStatusCode.Forbidden);
        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await limited.PostAsync(Approve(scenario), null), HttpStatusCode.Forbidden);
        Assert.Equal(Pending(scenario), await StoredAsync(scenario));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingDecided()
    {
        var scenario = await RequestedAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == scenario.Target.ParentId).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await scenario.TargetClient.PostAsync(Approve(scenario), null), HttpStatusCode.Forbidden);
        Assert.Equal(Pending(scenario), await StoredAsync(scenario));
    }

    [Fact]
    public async Task NoKey_401()
    {
        var scenario = await RequestedAsync();

        await AssertProblemAsync(await portal.KeyClient(null).GetAsync("/api/v1/parent/join-requests"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).PostAsync(Approve(scenario), null), HttpStatusCode.Unauthorized);
        Assert.Equal(Pending(scenario), await StoredAsync(scenario));
    }
}

public sealed class SqliteJoinRequestEndpointTests(ApiKestrelPortal portal) : JoinRequestEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresJoinRequestEndpointTests(PostgresApiKestrelPortal portal) : JoinRequestEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
