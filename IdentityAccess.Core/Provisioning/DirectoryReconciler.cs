using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Provisioning.Snapshots;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Turns the directory as it now stands into memberships, for every organization joined to the parent whose mode
/// is directory sync, through the rule engine. Runs inside the caller's transaction, after the directory write was
/// flushed, so a crash leaves neither half. A SCIM request reconciles only the people it touched
/// (<see cref="ReconcileScope"/>); Sync now and the scheduled reconcile take everyone.
/// </summary>
public sealed class DirectoryReconciler(PlanApplier applier, MassRemovalBreaker breaker, TopRoleHolds holds, ParentSnapshots snapshots, ReconcileHeapRelease heap)
{
    /// <summary>
    /// Past this many people a reconcile reads the whole organization instead. The ids travel as one parameter
    /// (<see cref="ScopeIds"/>), so on SQLite a group PATCH of 10,000 members stays scoped (1.8 s against 2.2 s reading
    /// everyone). PostgreSQL keeps the limit of 2,000 it had while ids were bound one by one: there the scoped reads of
    /// 10,000 ids (<c>= ANY</c>) were slower than the whole organization in three pairs of three; with the directory
    /// reads joined (<see cref="ScopeIds"/>) the scoped PATCH of 10,000 was faster in two pairs of four and slower in two,
    /// not shown faster (docs/performance.md, 2026-12-07 (3)).
    /// </summary>
    private static int MaxScopedPeople(IdentityAccessDbContext db) => db.Database.IsNpgsql() ? 2_000 : 50_000;

    /// <summary>A big apply leaves seat-counter changes on PostgreSQL (one per statement and tier); past this many changes it folds them itself.</summary>
    private const int FoldAfterChanges = 1000;

    public async Task<int> ReconcileAsync(IdentityAccessDbContext db, Guid parentOrganizationId, AuditActor actor, CancellationToken cancellationToken = default) =>
        await ReconcileAsync(db, parentOrganizationId, actor, null, cancellationToken);

    /// <param name="onlyOrganizationId">Reconcile this organization of the parent only (Sync now on its page); null for all.</param>
    /// <param name="requestedBy">The path, as a held top-role change names it; the actor's name when null (SCIM, the scheduled reconcile).</param>
    public Task<int> ReconcileAsync(IdentityAccessDbContext db, Guid parentOrganizationId, AuditActor actor, ReconcileScope? scope,
        CancellationToken cancellationToken = default, Guid? onlyOrganizationId = null, string? requestedBy = null) =>
        ReconcileAsync(db, parentOrganizationId, actor, scope, null, cancellationToken, onlyOrganizationId, requestedBy);

    /// <param name="snapshot">The parent's snapshot the caller already checked in this transaction (a SCIM batch), or null.</param>
    internal async Task<int> ReconcileAsync(IdentityAccessDbContext db, Guid parentOrganizationId, AuditActor actor, ReconcileScope? scope,
        ParentSnapshot? snapshot, CancellationToken cancellationToken = default, Guid? onlyOrganizationId = null, string? requestedBy = null) =>
        (await ReconcileCountingAsync(db, parentOrganizationId, actor, scope, snapshot, cancellationToken, onlyOrganizationId, requestedBy)).Total;

    /// <summary>As <see cref="ReconcileAsync(IdentityAccessDbContext, Guid, AuditActor, ReconcileScope?, CancellationToken, Guid?, string?)"/>, with the changes by kind (Sync now's result).</summary>
    internal async Task<MembershipChangeCounts> ReconcileCountingAsync(IdentityAccessDbContext db, Guid parentOrganizationId, AuditActor actor, ReconcileScope? scope,
        ParentSnapshot? snapshot, CancellationToken cancellationToken = default, Guid? onlyOrganizationId = null, string? requestedBy = null)
    {
        if (scope?.IsEmpty == true)
        {
            return MembershipChangeCounts.None;
        }

        snapshot ??= await snapshots.CurrentAsync(db, parentOrganizationId, cancellationToken);
        if (snapshot is null || !Scim.DirectorySyncAvailability.Allows(snapshot.Plan))
        {
            return MembershipChangeCounts.None; // the plan has no directory sync: the directory is paused, members are kept as they are
        }

        var asked = scope; // what the caller asked for, counted against even when the load below takes everyone
        if (scope?.Size > MaxScopedPeople(db))
        {
            scope = null; // a few whole-organization queries beat id lists that long
        }

        snapshot = await LockAsync(db, snapshot, onlyOrganizationId, cancellationToken);
        var organizations = snapshot.DirectorySyncOrganizations.Where(o => onlyOrganizationId == null || o.Id == onlyOrganizationId).ToList();
        var changed = MembershipChangeCounts.None;
        foreach (var organization in organizations)
        {
            var (applied, evaluated) = await ReconcileOrganizationAsync(db, organization, snapshot, parentOrganizationId, actor, scope, asked, requestedBy, cancellationToken);
            changed += applied;
            heap.After(evaluated); // its input and plan are unreachable now: nothing of this organization stays on the heap
        }

        if (asked?.CountsPerDirectoryUser != true)
        {
            Scim.Log.ProvisioningLogScope.Current?.AddMembershipChanges(changed.Total); // "N membership changes" in the SCIM request's log row
        }

        return changed;
    }

    /// <summary>
    /// One organization: its input loaded, evaluated (with the safeguards), applied. A method of its own so that its
    /// input and plan (a gigabyte at a million people) are unreachable once it returns, before the next organization
    /// is loaded.
    /// </summary>
    private async Task<(MembershipChangeCounts Applied, int Evaluated)> ReconcileOrganizationAsync(IdentityAccessDbContext db, OrganizationSnapshot organization,
        ParentSnapshot snapshot, Guid parentOrganizationId, AuditActor actor, ReconcileScope? scope, ReconcileScope? asked, string? requestedBy,
        CancellationToken cancellationToken)
    {
        var organizationId = organization.Id;
        var input = await ProvisioningInputLoader.LoadAsync(db, organization, snapshot.SavedSettings[organizationId], snapshot.GroupNames, scope, cancellationToken);
        // The engine already keeps a last top-role member (held, not staged); a staged removal still counts as leaving when
        // evaluated again, so the same person stays held and both safeguards show their own people.
        (input, var plan) = await breaker.EvaluateAsync(db, input, parentOrganizationId, actor, requestedBy ?? actor.Name, cancellationToken);

        var applied = await applier.ApplyAsync(db, plan, parentOrganizationId, actor, snapshot.Domains, cancellationToken);
        CountPerDirectoryUser(asked, plan);
        await holds.TrackAsync(db, input, plan, parentOrganizationId, actor, requestedBy ?? actor.Name, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the next organization's load sees people linked by this one
        if (applied.Total > FoldAfterChanges)
        {
            await SeatHoldingCounts.FoldAsync(db, organizationId, cancellationToken); // so the next SCIM request does not
        }

        return (applied, input.People.Count);
    }

    /// <summary>
    /// Locks the organizations to reconcile, in id order (one order for every writer: no deadlock). On PostgreSQL the
    /// snapshot was checked before the locks, so it is checked again under them: a settings or seat save that committed
    /// meanwhile is seen, as when each organization's settings were read after its lock. SQLite's writer holds the
    /// database since its BEGIN, so nothing can have changed.
    /// </summary>
    private async Task<ParentSnapshot> LockAsync(IdentityAccessDbContext db, ParentSnapshot snapshot, Guid? onlyOrganizationId,
        CancellationToken cancellationToken)
    {
        var locked = new HashSet<Guid>();
        while (true)
        {
            foreach (var organization in snapshot.DirectorySyncOrganizations.Where(o => (onlyOrganizationId == null || o.Id == onlyOrganizationId) && !locked.Contains(o.Id)))
            {
                await OrganizationWrite.LockAsync(db, organization.Id, cancellationToken);
                locked.Add(organization.Id);
            }

            if (!db.Database.IsNpgsql() || locked.Count == 0)
            {
                return snapshot;
            }

            var current = await snapshots.CurrentAsync(db, snapshot.ParentId, cancellationToken) ?? snapshot;
            if (ReferenceEquals(current, snapshot) || current.DirectorySyncOrganizations.All(o => locked.Contains(o.Id) || (onlyOrganizationId != null && o.Id != onlyOrganizationId)))
            {
                return current;
            }

            snapshot = current; // an organization switched to directory sync meanwhile: lock it too, then check again
        }
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
