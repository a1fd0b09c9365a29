using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>
/// Telling a run whose instance died from one still going, when several instances share the database: the instance
/// holding runs touches their <see cref="SyncRun.HeartbeatAt"/> every <see cref="HeartbeatEvery"/>; a run started before
/// this instance did (so not its own) and untouched for <see cref="StaleAfter"/> is marked abandoned, at startup and
/// after, rather than waiting for the next start for its organization.
/// </summary>
public sealed class SyncRunLiveness(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Ten missed heartbeats: a busy database or a long pause (GC, a VM's migration) does not look like a death, and
    /// neither does another instance whose clock is a few minutes off (each stamps and compares with its own clock; the
    /// instances are expected to keep time with NTP, as the SAML checks already need).
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    /// <summary>Touches the runs this instance holds (queued or running); returns how many rows still ran.</summary>
    public async Task<int> HeartbeatAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken = default)
    {
        if (runIds.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SyncRuns.Where(r => runIds.Contains(r.Id) && r.State == SyncRunState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), cancellationToken);
    }

    /// <summary>
    /// Marks abandoned the runs still running that started before <paramref name="instanceStartedAt"/> (another instance's,
    /// or this one's predecessor's) and show no sign of life for <see cref="StaleAfter"/>; returns how many.
    /// </summary>
    public async Task<int> AbandonStaleAsync(DateTimeOffset instanceStartedAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await MarkAbandonedAsync(db.SyncRuns.Where(r => r.StartedAt < instanceStartedAt), now - StaleAfter, now, cancellationToken);
    }

    /// <summary>One statement: those of <paramref name="runs"/> still running whose last sign of life (heartbeat, else start) is before <paramref name="silentSince"/>.</summary>
    internal static Task<int> MarkAbandonedAsync(IQueryable<SyncRun> runs, DateTimeOffset silentSince, DateTimeOffset now, CancellationToken cancellationToken) =>
        runs.Where(r => r.State == SyncRunState.Running && (r.HeartbeatAt ?? r.StartedAt) < silentSince)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, SyncRunState.Failed).SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Code, "Abandoned").SetProperty(r => r.Category, (string?)null)
                .SetProperty(r => r.Detail, "The instance running it stopped before it finished; a sync is one transaction, so nothing changed."), cancellationToken);
}
