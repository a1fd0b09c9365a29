using System.Net;
using IdentityAccess.Core.Api.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Who must not start Sync now nor read its runs; each time no run is started and nobody waiting is admitted.</summary>
public abstract partial class SyncRunEndpointTests
{
    [Fact]
    public async Task ReadOnlyKey_403_NoRun()
    {
        var (queue, _, _) = await OwnAsync(waiting: 1);
        await BuyStandardSeatsAsync(queue.Org, 1);
        var reader = portal.KeyClient((await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, ApiKeyScope.ReadOnly)).Token);

        await AssertProblemAsync(await reader.PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await reader.PostAsync("/api/v1/sync", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/organizations/{queue.Org.OrganizationId}/pending-seats")).StatusCode);
        Assert.Equal(0, await RunsAsync(queue.Org.ParentId));
        Assert.Equal(1, await PendingAsync(queue.Org.OrganizationId));
    }

    [Fact]
    public async Task KeyLimitedToAnotherOrganization_404_AndMayNotSyncTheWholeParent_403_NorReadItsRuns()
    {
        var (queue, client, _) = await OwnAsync(waiting: 1);
        await BuyStandardSeatsAsync(queue.Org, 1);
        var started = await client.PostAsync("/api/v1/sync", null);
        var parentRun = started.Headers.Location!.OriginalString;
        await PollAsync(client, parentRun);
        var limited = portal.KeyClient((await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, ApiKeyScope.ReadWrite, await queue.AddSiblingAsync(portal))).Token);

        await AssertProblemAsync(await limited.PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.NotFound);
        var problem = await AssertProblemAsync(await limited.PostAsync("/api/v1/sync", null), HttpStatusCode.Forbidden);
        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await limited.GetAsync(parentRun), HttpStatusCode.NotFound);
        await AssertProblemAsync(await limited.GetAsync($"/api/v1/organizations/{queue.Org.OrganizationId}/pending-seats"), HttpStatusCode.NotFound);
        Assert.Equal(1, await RunsAsync(queue.Org.ParentId));
    }

    [Fact]
    public async Task AnotherParentsKey_404_ForTheOrganizationAndItsRuns()
    {
        var (queue, client, _) = await OwnAsync(waiting: 1);
        var run = (await client.PostAsync(SyncUrl(queue.Org.OrganizationId), null)).Headers.Location!.OriginalString;
        await PollAsync(client, run);
        var (other, stranger, _) = await OwnAsync(waiting: 1);

        await AssertProblemAsync(await stranger.PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await stranger.GetAsync(run), HttpStatusCode.NotFound);
        await AssertProblemAsync(await stranger.GetAsync($"/api/v1/organizations/{queue.Org.OrganizationId}/pending-seats"), HttpStatusCode.NotFound);
        Assert.Equal(1, await RunsAsync(queue.Org.ParentId));
        Assert.Equal(0, await RunsAsync(other.Org.ParentId));
    }

    [Fact]
    public async Task NoKey_401()
    {
        var (queue, _, _) = await OwnAsync(waiting: 1);

        await AssertProblemAsync(await portal.KeyClient(null).PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).GetAsync($"/api/v1/organizations/{queue.Org.OrganizationId}/pending-seats"), HttpStatusCode.Unauthorized);
        Assert.Equal(0, await RunsAsync(queue.Org.ParentId));
    }

    [Fact]
    public async Task RevokedKey_401_NoRun()
    {
        var (queue, client, key) = await OwnAsync(waiting: 1);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(queue.Org.ParentId, key.Id, queue.Org.Owner));

        await AssertProblemAsync(await client.PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.Unauthorized);
        Assert.Equal(0, await RunsAsync(queue.Org.ParentId));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NoRun_AndTheirOldRunsNoLongerReadable()
    {
        var (queue, client, _) = await OwnAsync(waiting: 1);
        await BuyStandardSeatsAsync(queue.Org, 1);
        var run = (await client.PostAsync(SyncUrl(queue.Org.OrganizationId), null)).Headers.Location!.OriginalString;
        await PollAsync(client, run);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == queue.Org.ParentId && a.PersonId == queue.Org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.PostAsync("/api/v1/sync", null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.GetAsync(run), HttpStatusCode.Forbidden);
        Assert.Equal(1, await RunsAsync(queue.Org.ParentId));
    }
}
