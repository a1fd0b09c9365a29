using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning.SyncRuns;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// Sync now through the API on Kestrel: started in the background (202 and a Location), polled until it ends, people
/// waiting for a seat admitted once seats were bought (the purchase through Core; buying through the API is in SeatEndpointTests), refusals
/// at the start and in the run, a second start while one runs, and who must not (<c>.WhoMustNot.cs</c>).
/// </summary>
public abstract partial class SyncRunEndpointTests(ApiKestrelPortal portal)
{
    private static string SyncUrl(Guid organizationId) => $"/api/v1/organizations/{organizationId}/sync";

    private async Task<(SeatQueueOrganization Queue, HttpClient Client, CreatedApiKey Key)> OwnAsync(int waiting = 3, ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var queue = await SeatQueueOrganization.CreateAsync(portal, waiting);
        var key = await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, scope);
        return (queue, portal.KeyClient(key.Token), key);
    }

    private async Task BuyStandardSeatsAsync(OwnSettingsOrganization org, int seats) =>
        Assert.Empty(await portal.Factory.Services.GetRequiredService<SeatPurchase>().SetPurchasedAsync(org.OrganizationId, SeatTier.Standard, seats, org.Owner));

    /// <summary>Polls the run's Location until it is no longer running: a bounded number of tries, not a time to meet.</summary>
    internal static async Task<JsonElement> PollAsync(HttpClient client, string location)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var run = await client.GetFromJsonAsync<JsonElement>(location);
            if (run.GetProperty("state").GetString() != "Running")
            {
                return run;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"{location} was still running after 600 polls.");
    }

    private async Task<int> PendingAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.CountAsync(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.PendingSeat);
    }

    private async Task<int> RunsAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.SyncRuns.CountAsync(r => r.ParentOrganizationId == parentId);
    }

    [Fact]
    public async Task Start_202WithALocation_ThePollEndsSucceeded_TheTwoFirstWaitingAdmittedOnTheTwoSeatsBought_AuditedWithTheKey()
    {
        var (queue, client, key) = await OwnAsync();
        var org = queue.Org;
        await BuyStandardSeatsAsync(org, 2);

        var response = await client.PostAsync(SyncUrl(org.OrganizationId), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/sync-runs/{started.GetProperty("id").GetGuid()}", location);
        Assert.Equal(org.OrganizationId, started.GetProperty("organizationId").GetGuid());
        var run = await PollAsync(client, location);
        Assert.Equal("Succeeded", run.GetProperty("state").GetString());
        Assert.True(run.GetProperty("finishedAt").GetDateTimeOffset() >= run.GetProperty("startedAt").GetDateTimeOffset());
        var result = run.GetProperty("result");
        Assert.Equal((2, 3, 1), (result.GetProperty("changed").GetInt32(), result.GetProperty("pendingBefore").GetInt32(), result.GetProperty("stillPending").GetInt32()));
        Assert.Equal((2, 0, 0, 0), (result.GetProperty("admitted").GetInt32(), result.GetProperty("removed").GetInt32(),
            result.GetProperty("roleOrTierChanged").GetInt32(), result.GetProperty("queuedForSeat").GetInt32()));
        Assert.Equal(JsonValueKind.Null, run.GetProperty("refusal").ValueKind);

        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org.OrganizationId}/pending-seats");
        Assert.Equal([queue.Waiting[2]], waiting.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("email").GetString()));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var admitted = await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && m.Status == MembershipStatus.Active && m.SeatTier == SeatTier.Standard)
            .Select(m => m.Person!.Email).ToListAsync();
        Assert.Equal(queue.Waiting.Take(2).Order(), admitted.Order());
        var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == org.OrganizationId && e.Action == "scim.sync_now");
        Assert.Equal((org.Owner, $"{key.Name} ({key.Prefix})"), (entry.ActorPersonId, entry.ViaApiKey));
    }

    [Fact]
    public async Task StartForTheParent_ReconcilesItsOrganizations_AndEndsSucceeded()
    {
        var (queue, client, _) = await OwnAsync(waiting: 2);
        await BuyStandardSeatsAsync(queue.Org, 5);

        var response = await client.PostAsync("/api/v1/sync", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await PollAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(("Succeeded", JsonValueKind.Null), (run.GetProperty("state").GetString(), run.GetProperty("organizationId").ValueKind));
        Assert.Equal((2, 0), (run.GetProperty("result").GetProperty("pendingBefore").GetInt32(), run.GetProperty("result").GetProperty("stillPending").GetInt32()));
        Assert.Equal(0, await PendingAsync(queue.Org.OrganizationId));
    }

    [Fact]
    public async Task SecondStartWhileOneRuns_409WithTheRunningRunsLocation_NoSecondRun()
    {
        var (queue, client, _) = await OwnAsync(waiting: 1);
        var running = await InsertRunAsync(queue.Org, queue.Org.Owner, DateTimeOffset.UtcNow); // as another instance would be running it

        var problem = await AssertProblemAsync(await client.PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.Conflict);

        Assert.Equal("SyncAlreadyRunning", problem.GetProperty("code").GetString());
        Assert.Equal($"/api/v1/sync-runs/{running}", problem.GetProperty("location").GetString());
        Assert.Equal(1, await RunsAsync(queue.Org.ParentId));
        Assert.Equal(1, await PendingAsync(queue.Org.OrganizationId));
    }

    [Fact]
    public async Task ARunLeftRunningLongerThanARunCanTake_IsAbandoned_AndANewOneStarts()
    {
        var (queue, client, _) = await OwnAsync(waiting: 1);
        var abandoned = await InsertRunAsync(queue.Org, queue.Org.Owner, DateTimeOffset.UtcNow - SyncRunService.MaxRunTime - TimeSpan.FromMinutes(1));

        var response = await client.PostAsync(SyncUrl(queue.Org.OrganizationId), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var old = await client.GetFromJsonAsync<JsonElement>($"/api/v1/sync-runs/{abandoned}");
        Assert.Equal(("Failed", "Abandoned"), (old.GetProperty("state").GetString(), old.GetProperty("refusal").GetProperty("code").GetString()));
        Assert.Equal("Succeeded", (await PollAsync(client, response.Headers.Location!.OriginalString)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ARunWhoseRequesterMayNotSync_EndsRefusedWithItsCode_NothingChanged()
    {
        // Refused under the lock, as when the requester lost their role between the start and the run: a User.
        var (queue, client, _) = await OwnAsync(waiting: 2);
        await BuyStandardSeatsAsync(queue.Org, 2);
        var user = Person.Create($"user@{queue.Org.Domain}", "Una User", DateTimeOffset.UtcNow);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.People.Add(user);
            db.Memberships.Add(new Membership
            {
                OrganizationId = queue.Org.OrganizationId,
                PersonId = user.Id,
                Role = Role.User,
                SeatTier = SeatTier.Premium,
                Status = MembershipStatus.Active,
                Source = MembershipSource.Manual,
                CreatedAt = DateTimeOffset.UtcNow,
                StatusChangedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var runId = await InsertRunAsync(queue.Org, user.Id, DateTimeOffset.UtcNow);
        portal.Factory.Services.GetRequiredService<SyncRunQueue>().Enqueue(runId);

        var run = await PollAsync(client, $"/api/v1/sync-runs/{runId}");
        Assert.Equal(("Refused", "AccessRefused", "NotAllowed"),
            (run.GetProperty("state").GetString(), run.GetProperty("refusal").GetProperty("code").GetString(), run.GetProperty("refusal").GetProperty("category").GetString()));
        Assert.Equal(2, await PendingAsync(queue.Org.OrganizationId));
    }

    [Fact]
    public async Task TeamPlanParent_403DirectorySyncNotInPlan_NoRun()
    {
        var (queue, client, _) = await OwnAsync(waiting: 1);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentOrganizations.Where(p => p.Id == queue.Org.ParentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Plan, ParentPlan.Team));
        }

        var problem = await AssertProblemAsync(await client.PostAsync(SyncUrl(queue.Org.OrganizationId), null), HttpStatusCode.Forbidden);
        Assert.Equal("DirectorySyncNotInPlan", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await client.PostAsync("/api/v1/sync", null), HttpStatusCode.Forbidden);
        Assert.Equal(0, await RunsAsync(queue.Org.ParentId));
    }

    [Fact]
    public async Task UnknownRunOrOrganization_404()
    {
        var (_, client, _) = await OwnAsync(waiting: 1);

        Assert.Equal("SyncRunNotFound", (await AssertProblemAsync(await client.GetAsync($"/api/v1/sync-runs/{Guid.NewGuid()}"), HttpStatusCode.NotFound))
            .GetProperty("code").GetString());
        await AssertProblemAsync(await client.PostAsync(SyncUrl(Guid.NewGuid()), null), HttpStatusCode.NotFound);
    }

    private async Task<Guid> InsertRunAsync(OwnSettingsOrganization org, Guid requestedBy, DateTimeOffset startedAt)
    {
        var run = new SyncRun
        {
            ParentOrganizationId = org.ParentId,
            OrganizationId = org.OrganizationId,
            Target = org.OrganizationId,
            RequestedByPersonId = requestedBy,
            State = SyncRunState.Running,
            StartedAt = startedAt,
        };
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }
}

public sealed class SqliteSyncRunEndpointTests(ApiKestrelPortal portal) : SyncRunEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresSyncRunEndpointTests(PostgresApiKestrelPortal portal) : SyncRunEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
