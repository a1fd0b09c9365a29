using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.SyncRuns;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Provisioning.SyncRuns;

/// <summary>
/// Runs left running by a dead instance, with several instances on one database: the instance holding runs keeps
/// their heartbeat, and a run started before this instance and silent for five minutes is marked abandoned, at the
/// worker's start, while one another instance still touches stays running. Each test's runs have targets of their own.
/// </summary>
public abstract class SyncRunLivenessTests(PortalFixture portal)
{
    // This instance starts an hour from now, so every run here started after the app's own worker did: that worker,
    // sweeping on its heartbeat, never takes them for a dead instance's while a test looks at them. Whole seconds: as stored.
    private readonly DateTimeOffset _instanceStart = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());

    private SyncRunLiveness Liveness(TimeProvider time) =>
        new(portal.Factory.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>(), time);

    private async Task<Guid> InsertAsync(DateTimeOffset startedAt, DateTimeOffset? heartbeatAt = null, SyncRunState state = SyncRunState.Running)
    {
        var run = new SyncRun
        {
            ParentOrganizationId = portal.Demo.AcmeParent,
            Target = Guid.NewGuid(),
            RequestedByPersonId = Guid.NewGuid(),
            State = state,
            StartedAt = startedAt,
            HeartbeatAt = heartbeatAt,
        };
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private async Task<SyncRun> RunAsync(Guid id)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task AbandonStale_OnlyRunsFromBeforeThisInstance_SilentForFiveMinutes()
    {
        var now = _instanceStart.AddMinutes(2);
        var dead = await InsertAsync(_instanceStart.AddHours(-1));
        var alive = await InsertAsync(_instanceStart.AddHours(-1), heartbeatAt: now.AddMinutes(-1)); // another instance still touches it
        var newer = await InsertAsync(_instanceStart.AddSeconds(1)); // started after this instance: not found abandoned by it
        var done = await InsertAsync(_instanceStart.AddHours(-1), state: SyncRunState.Succeeded);

        // At least these: the class's earlier tests left runs of their own.
        Assert.InRange(await Liveness(new FakeTimeProvider(now)).AbandonStaleAsync(_instanceStart), 1, int.MaxValue);

        var abandoned = await RunAsync(dead);
        Assert.Equal((SyncRunState.Failed, "Abandoned", (DateTimeOffset?)now), (abandoned.State, abandoned.Code, abandoned.FinishedAt));
        Assert.Equal(SyncRunState.Running, (await RunAsync(alive)).State);
        Assert.Equal(SyncRunState.Running, (await RunAsync(newer)).State);
        Assert.Equal((SyncRunState.Succeeded, (string?)null), ((await RunAsync(done)).State, (await RunAsync(done)).Code));
    }

    [Fact]
    public async Task AbandonStale_AHeartbeatOlderThanFiveMinutes_IsADeath()
    {
        var now = _instanceStart.AddMinutes(10);
        var silent = await InsertAsync(_instanceStart.AddHours(-1), heartbeatAt: now - SyncRunLiveness.StaleAfter - TimeSpan.FromSeconds(1));

        Assert.InRange(await Liveness(new FakeTimeProvider(now)).AbandonStaleAsync(_instanceStart), 1, int.MaxValue);
        Assert.Equal("Abandoned", (await RunAsync(silent)).Code);
    }

    [Fact]
    public async Task Heartbeat_TouchesTheHeldRunsStillRunning_Only()
    {
        var now = _instanceStart.AddMinutes(3);
        var held = await InsertAsync(_instanceStart);
        var ended = await InsertAsync(_instanceStart, state: SyncRunState.Succeeded);
        var other = await InsertAsync(_instanceStart);

        Assert.Equal(1, await Liveness(new FakeTimeProvider(now)).HeartbeatAsync([held, ended, Guid.NewGuid()]));

        Assert.Equal(now, (await RunAsync(held)).HeartbeatAt);
        Assert.Null((await RunAsync(ended)).HeartbeatAt);
        Assert.Null((await RunAsync(other)).HeartbeatAt);
    }

    [Fact]
    public void Queue_HoldsARunFromItsEnqueueToItsRelease()
    {
        var queue = new SyncRunQueue();
        var runId = Guid.NewGuid();

        queue.Enqueue(runId);
        Assert.Equal([runId], queue.Held);
        queue.Release(runId);
        Assert.Empty(queue.Held);
    }

    [Fact]
    public async Task Worker_AtItsStart_MarksADeadInstancesRunAbandoned()
    {
        var dead = await InsertAsync(_instanceStart.AddHours(-1));
        var time = new FakeTimeProvider(_instanceStart);
        using var worker = new SyncRunWorker(new SyncRunQueue(), portal.Factory.Services.GetRequiredService<SyncRunService>(), Liveness(time), time,
            NullLogger<SyncRunWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        try
        {
            // A bounded number of tries, not a time to meet.
            for (var attempt = 0; attempt < 200 && (await RunAsync(dead)).State == SyncRunState.Running; attempt++)
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal("Abandoned", (await RunAsync(dead)).Code);
    }
}

public sealed class SqliteSyncRunLivenessTests(SqlitePortalFixture portal) : SyncRunLivenessTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresSyncRunLivenessTests(PostgresPortalFixture portal) : SyncRunLivenessTests(portal), IClassFixture<PostgresPortalFixture>;
