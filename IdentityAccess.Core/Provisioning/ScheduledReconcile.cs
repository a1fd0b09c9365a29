using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Runs the full directory reconcile for every parent with an organization in directory-sync mode, on a timer.
/// One runner at a time: in one process the loop is the only runner; across app instances on PostgreSQL a
/// transaction-scoped advisory lock per parent lets one instance do it and the others skip. On SQLite the
/// write transaction itself serializes writers of the file.
/// </summary>
public sealed partial class ScheduledReconcile(IDbContextFactory<IdentityAccessDbContext> contexts, DirectoryReconciler reconciler, AuditLog audit,
    IOptions<ScheduledReconcileOptions> options, TimeProvider time, ILogger<ScheduledReconcile> logger) : BackgroundService
{
    private static readonly AuditActor _actor = AuditActor.System(SystemActors.ScheduledReconcile);

    // Arbitrary, fixed: the first key of PostgreSQL's two-key advisory lock, naming this job.
    private const int AdvisoryLockClass = 0x1A5C;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e); // the next tick tries again; a failed run changed nothing (one transaction per parent)
            }
        }
    }

    /// <summary>
    /// One pass over every parent; returns the membership changes made per parent that was reconciled (not skipped).
    /// A parent whose plan has no directory sync is skipped: its directory is paused and its members are kept.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> parents;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var withDirectorySync = await db.Organizations.Where(o => o.ProvisioningMode == ProvisioningMode.Scim)
                .Select(o => new { o.ParentOrganizationId, o.Parent!.Plan }).Distinct().ToListAsync(cancellationToken);
            parents = [.. withDirectorySync.Where(p => DirectorySyncAvailability.Allows(p.Plan)).Select(p => p.ParentOrganizationId)];
            if (parents.Count < withDirectorySync.Count)
            {
                LogPaused(logger, withDirectorySync.Count - parents.Count);
            }
        }

        var results = new Dictionary<Guid, int>();
        foreach (var parentId in parents)
        {
            if (await ReconcileParentAsync(parentId, cancellationToken) is { } changed)
            {
                results[parentId] = changed;
            }
        }

        return results;
    }

    private async Task<int?> ReconcileParentAsync(Guid parentId, CancellationToken cancellationToken)
    {
        using var span = Telemetry.IdentityAccessTelemetry.Start("provisioning.scheduled_reconcile");
        span?.SetTag("identityaccess.parent.id", parentId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql() && !await TryLockAsync(db, parentId, cancellationToken))
        {
            return null; // another instance is reconciling this parent right now
        }

        var changed = await reconciler.ReconcileAsync(db, parentId, _actor, cancellationToken);
        if (changed > 0)
        {
            audit.Record(db, _actor, "sync.scheduled", parentId.ToString(), null, new { MembershipChanges = changed }, parentOrganizationId: parentId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Telemetry.IdentityAccessTelemetry.RecordReconcile("scheduled", System.Diagnostics.Stopwatch.GetElapsedTime(started), changed);
        return changed;
    }

    internal static async Task<bool> TryLockAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockClass}, {LockKey(parentId)}) AS \"Value\"").SingleAsync(cancellationToken);

    internal static int LockKey(Guid parentId) => BitConverter.ToInt32(parentId.ToByteArray(), 0);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled reconcile failed; it will run again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled reconcile skipped {Count} parent(s) whose plan has no directory sync (their directories are paused).")]
    private static partial void LogPaused(ILogger logger, int count);
}
