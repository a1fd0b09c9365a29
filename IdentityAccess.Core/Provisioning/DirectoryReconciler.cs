using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Turns the directory as it now stands into memberships, for every organization joined to the parent whose mode
/// is directory sync, through the rule engine. Runs inside the caller's transaction, after the directory write was
/// flushed, so a crash leaves neither half. A SCIM request reconciles only the people it touched
/// (<see cref="ReconcileScope"/>); Sync now and the scheduled reconcile take everyone.
/// </summary>
public sealed class DirectoryReconciler(PlanApplier applier, MassRemovalBreaker breaker, TopRoleHolds holds)
{
    private const int MaxScopedPeople = 2000;

    /// <summary>A big apply leaves one seat-counter change per membership on PostgreSQL; past this many it folds them itself.</summary>
    private const int FoldAfterChanges = 1000;

    public async Task<int> ReconcileAsync(IdentityAccessDbContext db, Guid parentOrganizationId, AuditActor actor, CancellationToken cancellationToken = default) =>
        await ReconcileAsync(db, parentOrganizationId, actor, null, cancellationToken);

    /// <param name="onlyOrganizationId">Reconcile this organization of the parent only (Sync now on its page); null for all.</param>
    /// <param name="requestedBy">The path, as a held top-role change names it; the actor's name when null (SCIM, the scheduled reconcile).</param>
    public async Task<int> ReconcileAsync(IdentityAccessDbContext db, Guid parentOrganizationId, AuditActor actor, ReconcileScope? scope,
        CancellationToken cancellationToken = default, Guid? onlyOrganizationId = null, string? requestedBy = null)
    {
        if (scope?.IsEmpty == true)
        {
            return 0;
        }

        if (!await Scim.DirectorySyncAvailability.AllowsAsync(db, parentOrganizationId, cancellationToken))
        {
            return 0; // the plan has no directory sync: the directory is paused, members are kept as they are
        }

        var asked = scope; // what the caller asked for, counted against even when the load below takes everyone
        if (scope?.Size > MaxScopedPeople)
        {
            scope = null; // a few whole-organization queries beat id lists that long (and their parameter limits)
        }

        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentOrganizationId == parentOrganizationId && o.ProvisioningMode == ProvisioningMode.Scim)
            .Where(o => onlyOrganizationId == null || o.Id == onlyOrganizationId)
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken); // one lock order for every writer: no deadlock
        var changed = 0;
        foreach (var organizationId in organizations)
        {
            await OrganizationWrite.LockAsync(db, organizationId, cancellationToken);
            var settings = (await ProvisioningInputLoader.LoadSavedDraftAsync(db, organizationId, cancellationToken))!;
            var input = (await ProvisioningInputLoader.LoadAsync(db, organizationId, settings, scope, cancellationToken))!;
            // The engine already keeps a last top-role member (held, not staged); a staged removal still counts as leaving when
            // evaluated again, so the same person stays held and both safeguards show their own people.
            (input, var plan) = await breaker.EvaluateAsync(db, input, parentOrganizationId, actor, requestedBy ?? actor.Name, cancellationToken);

            var applied = await applier.ApplyAsync(db, plan, parentOrganizationId, actor, cancellationToken);
            CountPerDirectoryUser(asked, plan);
            await holds.TrackAsync(db, input, plan, parentOrganizationId, actor, requestedBy ?? actor.Name, cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // the next organization's load sees people linked by this one
            if (applied > FoldAfterChanges)
            {
                await SeatHoldingCounts.FoldAsync(db, organizationId, cancellationToken); // so the next SCIM request does not
            }

            changed += applied;
        }

        if (asked?.CountsPerDirectoryUser != true)
        {
            Scim.Log.ProvisioningLogScope.Current?.AddMembershipChanges(changed); // "N membership changes" in the SCIM request's log row
        }

        return changed;
    }

    /// <summary>For a batch of SCIM requests: each change applied now, on the directory user it came from.</summary>
    private static void CountPerDirectoryUser(ReconcileScope? scope, ProvisioningPlan plan)
    {
        if (scope?.CountsPerDirectoryUser != true)
        {
            return;
        }

        foreach (var outcome in plan.Outcomes)
        {
            if (outcome is { Desired: not null, AtNextSignIn: false, Changes.Count: > 0, Person.DirectoryUserId: { } directoryUserId })
            {
                scope.CountChange(directoryUserId);
            }
        }
    }
}
