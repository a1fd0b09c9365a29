using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>
/// Sync now in the background, for callers that cannot wait on it (the management API): a run is recorded, queued on
/// this instance and run by <see cref="SyncRunWorker"/> through <see cref="SyncNowService"/> itself, so its permission,
/// lock, audit and single transaction are the portal's. What is known to refuse before starting (the acting person's
/// permission, a plan without directory sync) refuses the start; what is only known under the lock becomes the run's
/// <see cref="SyncRunState.Refused"/>.
/// </summary>
public sealed partial class SyncRunService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, SyncNowService syncNow,
    SyncRunQueue queue, TimeProvider time, ILogger<SyncRunService> logger)
{
    /// <summary>A run with no sign of life (start or heartbeat) for this long is taken as abandoned (its instance stopped): it no longer blocks a new one.</summary>
    public static readonly TimeSpan MaxRunTime = TimeSpan.FromMinutes(30);

    public async Task<SyncRunStart> StartForOrganizationAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.RunSyncNow, cancellationToken);
        if (!check.IsGranted)
        {
            return SyncRunStart.Refused(check.Refusal!);
        }

        var organization = check.Organization!;
        return DirectorySyncAvailability.Check(organization.ParentName, organization.ParentPlan) is { } paused
            ? SyncRunStart.Refused(paused)
            : await StartAsync(organization.ParentId, organization.Id, actingPersonId, cancellationToken);
    }

    public async Task<SyncRunStart> StartForParentAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckParentAsync(parentId, actingPersonId, Permission.SyncParentDirectory, cancellationToken);
        if (!check.IsGranted)
        {
            return SyncRunStart.Refused(check.Refusal!);
        }

        return DirectorySyncAvailability.Check(check.Parent!.Name, check.Parent.Plan) is { } paused
            ? SyncRunStart.Refused(paused)
            : await StartAsync(parentId, null, actingPersonId, cancellationToken);
    }

    /// <summary>
    /// The run (null when there is none) and, when <paramref name="actingPersonId"/> may not start one like it now (Sync
    /// now of its organization, or of the parent), why not: whoever may not run Sync now there is not told how it went.
    /// The run comes with its refusal so that the caller first decides whether it may say the run exists at all.
    /// </summary>
    public async Task<(SyncRun? Run, Error? Refusal)> GetAsync(Guid runId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.SyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return (null, null);
        }

        var refusal = run.OrganizationId is { } organizationId
            ? (await access.CheckAsync(organizationId, actingPersonId, Permission.RunSyncNow, cancellationToken)).Refusal
            : (await access.CheckParentAsync(run.ParentOrganizationId, actingPersonId, Permission.SyncParentDirectory, cancellationToken)).Refusal;
        return (run, refusal);
    }

    private async Task<SyncRunStart> StartAsync(Guid parentId, Guid? organizationId, Guid actingPersonId, CancellationToken cancellationToken)
    {
        var target = organizationId ?? parentId;
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await SyncRunLiveness.MarkAbandonedAsync(db.SyncRuns.Where(r => r.Target == target), now - MaxRunTime, now, cancellationToken);
        if (await RunningAsync(db, target, cancellationToken) is { } running)
        {
            return new SyncRunStart(null, running, null);
        }

        var run = new SyncRun
        {
            ParentOrganizationId = parentId,
            OrganizationId = organizationId,
            Target = target,
            RequestedByPersonId = actingPersonId,
            ViaApiKey = ActingThroughApiKey.Current,
            State = SyncRunState.Running,
            StartedAt = now,
        };
        db.SyncRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another start won the race (the filtered unique index on the target): answer with its run.
            db.ChangeTracker.Clear();
            return await RunningAsync(db, target, cancellationToken) is { } winner ? new SyncRunStart(null, winner, null) : SyncRunStart.Refused(new ChangedMeanwhile());
        }

        queue.Enqueue(run.Id);
        return new SyncRunStart(run, null, null);
    }

    private static Task<SyncRun?> RunningAsync(IdentityAccessDbContext db, Guid target, CancellationToken cancellationToken) =>
        db.SyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Target == target && r.State == SyncRunState.Running, cancellationToken);

    /// <summary>Runs a queued run through Sync now, acting as its requester (and through its key), and records how it ended.</summary>
    internal async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.SyncRuns.SingleOrDefaultAsync(r => r.Id == runId && r.State == SyncRunState.Running, cancellationToken);
        if (run is null)
        {
            return; // abandoned meanwhile
        }

        try
        {
            run.PendingBefore = await PendingAsync(db, run, cancellationToken);
            using (run.ViaApiKey is { } key ? ActingThroughApiKey.Begin(key) : null)
            {
                var outcome = run.OrganizationId is { } organizationId
                    ? await syncNow.SyncAsync(organizationId, run.RequestedByPersonId, cancellationToken)
                    : await syncNow.SyncParentAsync(run.ParentOrganizationId, run.RequestedByPersonId, cancellationToken);
                if (outcome.Refusal is { } refusal)
                {
                    (run.State, run.Code, run.Category, run.Detail) = (SyncRunState.Refused, CodeOf(refusal), refusal.Category.ToString(), Truncated(refusal.Message));
                }
                else
                {
                    (run.State, run.Changed) = (SyncRunState.Succeeded, outcome.Changed);
                    (run.Admitted, run.Removed, run.RoleOrTierChanged, run.QueuedForSeat) =
                        (outcome.Changes.Admitted, outcome.Changes.Removed, outcome.Changes.RoleOrTierChanged, outcome.Changes.QueuedForSeat);
                    run.StillPending = await PendingAsync(db, run, cancellationToken);
                }
            }
        }
        catch (Exception e)
        {
            LogFailed(logger, e, run.Id);
            (run.State, run.Code, run.Detail) = (SyncRunState.Failed, "Failed", "The sync stopped on an error; it is one transaction, so nothing changed. The log has the details.");
        }

        run.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None); // even when stopping: the run's end is recorded, not left running
    }

    private static Task<int> PendingAsync(IdentityAccessDbContext db, SyncRun run, CancellationToken cancellationToken) =>
        db.Memberships.CountAsync(m => m.Status == MembershipStatus.PendingSeat
            && (run.OrganizationId == null ? m.Organization!.ParentOrganizationId == run.ParentOrganizationId : m.OrganizationId == run.OrganizationId), cancellationToken);

    /// <summary>As the API names refusals elsewhere: a validation rule by its rule, any other refusal by its record's name.</summary>
    private static string CodeOf(Error refusal) => refusal is ValidationFailed failed ? failed.Rule.ToString() : refusal.GetType().Name;

    private static string Truncated(string text) => text.Length <= SyncRun.MaxDetailLength ? text : text[..SyncRun.MaxDetailLength];

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync now run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId);
}
