using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Telemetry;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// "Sync now": a full reconcile of the parent's directory, for example to admit pending people after seats were bought.
/// From an organization's Identity and access page it reconciles that organization (its Owners and Admins, or a
/// parent admin, may run it: the help article asks "another Admin or Owner" to press it); from the parent organization's
/// page, every organization in directory-sync mode (parent admins). One transaction; nothing changes when refused,
/// which includes a parent whose plan has no directory sync (the directory is paused, see <see cref="DirectorySyncAvailability"/>).
/// </summary>
public sealed class SyncNowService(GuardedWrites writes, DirectoryReconciler reconciler, AuditLog audit, ProvisioningLogWriter log, TimeProvider time)
{
    /// <summary>How a held top-role change names this path.</summary>
    public const string RequestedBy = SystemActors.SyncNow;

    public async Task<SyncNowOutcome> SyncAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        using var span = IdentityAccessTelemetry.Start("provisioning.sync_now");
        span?.SetTag("identityaccess.organization.id", organizationId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.RunSyncNow, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return SyncNowOutcome.Refused(refused);
        }

        var organization = write.Organization!;
        if (DirectorySyncAvailability.Check(organization.ParentName, organization.ParentPlan) is { } paused)
        {
            return SyncNowOutcome.Refused(paused);
        }

        var changes = await reconciler.ReconcileCountingAsync(write.Db, organization.ParentId, write.Actor, scope: null, snapshot: null, cancellationToken,
            onlyOrganizationId: organization.Id, requestedBy: RequestedBy);
        var changed = changes.Total;
        audit.Record(write.Db, write.Actor, "scim.sync_now", organization.Name, null, new { MembershipChanges = changed }, organization.Id, organization.ParentId);
        log.AddTo(write.Db, SyncNowLog.Entry(organization.ParentId, organization.Name, write.Actor.Name, changed, time, started));
        if (await write.CommitAsync(cancellationToken) is { } conflict)
        {
            return SyncNowOutcome.Refused(conflict);
        }

        IdentityAccessTelemetry.RecordReconcile("sync_now", System.Diagnostics.Stopwatch.GetElapsedTime(started), changed);
        return new SyncNowOutcome(changes, null);
    }

    public async Task<SyncNowOutcome> SyncParentAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        using var span = IdentityAccessTelemetry.Start("provisioning.sync_now");
        span?.SetTag("identityaccess.parent.id", parentId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.SyncParentDirectory, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return SyncNowOutcome.Refused(refused);
        }

        if (DirectorySyncAvailability.Check(write.Parent!.Name, write.Parent.Plan) is { } paused)
        {
            return SyncNowOutcome.Refused(paused);
        }

        var changes = await reconciler.ReconcileCountingAsync(write.Db, parentId, write.Actor, scope: null, snapshot: null, cancellationToken, requestedBy: RequestedBy);
        var changed = changes.Total;
        audit.Record(write.Db, write.Actor, "scim.sync_now", write.Parent!.Name, null, new { MembershipChanges = changed }, parentOrganizationId: parentId);
        log.AddTo(write.Db, SyncNowLog.Entry(parentId, "every organization", write.Actor.Name, changed, time, started));
        if (await write.CommitAsync(cancellationToken) is { } conflict)
        {
            return SyncNowOutcome.Refused(conflict);
        }

        IdentityAccessTelemetry.RecordReconcile("sync_now", System.Diagnostics.Stopwatch.GetElapsedTime(started), changed);
        return new SyncNowOutcome(changes, null);
    }
}
