using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Removes the members the IdP deactivated once their parent's grace period is over, as the help article says of users
/// removed from the IdP app. It only finds who is due; the removal itself is the reconcile of those people, so the rules,
/// the never-zero-top-role hold and the mass-change breaker apply as on every other path, and each person removed gets
/// one audit entry with the reason. Safe to run twice at once, in one process or several: per parent, one transaction
/// and (PostgreSQL) an advisory lock of its own that a second runner skips; on SQLite the write transaction serializes
/// them. The plan is made under the organization's lock, so a second run finds nobody left to remove.
/// </summary>
public sealed partial class RemovalGracePeriod(IDbContextFactory<IdentityAccessDbContext> contexts, DirectoryReconciler reconciler,
    IOptions<RemovalGracePeriodOptions> options, TimeProvider time, ILogger<RemovalGracePeriod> logger) : BackgroundService
{
    /// <summary>How a held top-role change and a held mass change name this path.</summary>
    public const string RequestedBy = SystemActors.RemovalGracePeriod;

    private static readonly AuditActor _actor = AuditActor.System(RequestedBy);

    // Arbitrary, fixed, distinct from the scheduled reconcile's: the first key of PostgreSQL's two-key advisory lock.
    private const int AdvisoryLockClass = 0x1A5D;

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
                LogFailed(logger, e); // the next tick tries again; a failed parent changed nothing (one transaction each)
            }
        }
    }

    /// <summary>One pass; returns the membership changes made per parent that had someone due (and was not skipped).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        List<DueUser> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Deactivated users still suspended somewhere under their parent: few rows, so the per-parent grace is compared here.
            var suspended = await db.DirectoryUsers.AsNoTracking()
                .Where(u => !u.Active && u.DeactivatedAt != null && u.PersonId != null)
                .Where(u => db.Memberships.Any(m => m.PersonId == u.PersonId && m.Status == MembershipStatus.Suspended
                    && m.Organization!.ParentOrganizationId == u.ParentOrganizationId && m.Organization.ProvisioningMode == ProvisioningMode.Scim))
                .Join(db.ParentOrganizations, u => u.ParentOrganizationId, p => p.Id,
                    (u, p) => new DueUser(u.ParentOrganizationId, u.Id, u.PersonId!.Value, u.DeactivatedAt!.Value, p.RemovalGraceDays, p.Plan))
                .ToListAsync(cancellationToken);
            due = [.. suspended.Where(u => u.DeactivatedAt.AddDays(u.GraceDays) <= now && DirectorySyncAvailability.Allows(u.Plan))];
        }

        var results = new Dictionary<Guid, int>();
        foreach (var parent in due.GroupBy(u => u.ParentId))
        {
            if (await RemoveDueAsync(parent.Key, parent.ToList(), cancellationToken) is { } changed)
            {
                results[parent.Key] = changed;
                LogRemoved(logger, changed, parent.Key);
            }
        }

        return results;
    }

    private async Task<int?> RemoveDueAsync(Guid parentId, List<DueUser> users, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql() && !await TryLockAsync(db, parentId, cancellationToken))
        {
            return null; // another instance is removing this parent's due users right now
        }

        var scope = new ReconcileScope();
        users.ForEach(u => scope.AddDirectoryUser(u.DirectoryUserId, u.PersonId));
        var changed = await reconciler.ReconcileAsync(db, parentId, _actor, scope, cancellationToken, requestedBy: RequestedBy);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static async Task<bool> TryLockAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockClass}, {ScheduledReconcile.LockKey(parentId)}) AS \"Value\"")
            .SingleAsync(cancellationToken);

    private sealed record DueUser(Guid ParentId, Guid DirectoryUserId, Guid PersonId, DateTimeOffset DeactivatedAt, int GraceDays, Organizations.ParentPlan Plan);

    [LoggerMessage(Level = LogLevel.Error, Message = "Removal grace period job failed; it will run again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removal grace period: {Count} membership change(s) in parent {ParentId}.")]
    private static partial void LogRemoved(ILogger logger, int count, Guid parentId);
}
