using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The owner's decision on removals the circuit breaker held back. Approve: they are applied now, through the
/// same reconcile. Reject: the people stay, and become hand-managed members, because sync only takes away what
/// sync granted; otherwise the next push would stage them again.
/// </summary>
public sealed class StagedRemovalService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access,
    GuardedWrites writes, DirectoryReconciler reconciler, AuditLog audit)
{
    public async Task<IReadOnlyList<StagedRemovalView>?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StagedRemovals.AsNoTracking().Where(s => s.OrganizationId == organizationId && !s.Approved)
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s, p }).OrderBy(x => x.p.Email)
            .Select(x => new StagedRemovalView(x.p.Id, x.p.Email, x.p.DisplayName, x.s.Change, x.s.Reason, x.s.StagedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Applies every held-back removal of the organization; returns how many memberships changed, or null when not allowed.</summary>
    public async Task<int?> ApproveAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ResolveHeldChanges, cancellationToken);
        if (write.Refusal is not null)
        {
            return null;
        }

        var (db, actor, organization) = (write.Db, write.Actor, write.Organization!);
        var rows = await db.StagedRemovals.Where(s => s.OrganizationId == organizationId && !s.Approved).ToListAsync(cancellationToken);
        rows.ForEach(r => r.Approved = true);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(db, actor, "sync.removals_approved", organization.Name, null, new { People = rows.Count }, organizationId, organization.ParentId);

        var changed = await reconciler.ReconcileAsync(db, organization.ParentId, actor, new ReconcileScope().AddPeople(rows.Select(r => r.PersonId)), cancellationToken,
            requestedBy: "Directory sync (SCIM), staged removals approved");
        return await write.CommitAsync(cancellationToken) is null ? changed : null;
    }

    /// <summary>Keeps every held-back person as a hand-managed member; returns how many, or null when not allowed.</summary>
    public async Task<int?> RejectAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ResolveHeldChanges, cancellationToken);
        if (write.Refusal is not null)
        {
            return null;
        }

        var (db, actor, organization) = (write.Db, write.Actor, write.Organization!);
        var rows = await db.StagedRemovals.Where(s => s.OrganizationId == organizationId && !s.Approved).ToListAsync(cancellationToken);
        var people = rows.Select(r => r.PersonId).ToList();
        var memberships = await db.Memberships.Include(m => m.Person)
            .Where(m => m.OrganizationId == organizationId && people.Contains(m.PersonId)).ToListAsync(cancellationToken);
        foreach (var membership in memberships)
        {
            membership.Source = MembershipSource.Manual;
            audit.Record(db, actor, "membership.kept_by_owner", membership.Person!.Email, new { Source = "Scim" }, new { Source = "Manual" },
                organizationId, organization.ParentId);
        }

        db.StagedRemovals.RemoveRange(rows);
        return await write.CommitAsync(cancellationToken) is null ? rows.Count : null;
    }
}
