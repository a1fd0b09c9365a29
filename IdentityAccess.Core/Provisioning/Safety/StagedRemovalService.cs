using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The review of the changes the mass-change breaker held, by the organization's top role or a parent admin, as a whole
/// and with a typed confirmation (the number of people, or the organization's name). Apply: they go through the same
/// reconcile now (a held JIT change at the person's next sign-in). Discard: the people stay as they are and become
/// hand-managed (a removal or suspension) or keep their role as an override (a demotion), since otherwise the next push
/// would hold them again.
/// </summary>
public sealed class StagedRemovalService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access,
    GuardedWrites writes, DirectoryReconciler reconciler, AuditLog audit, TimeProvider time)
{
    /// <summary>How a held top-role change names the reconcile that applies reviewed changes.</summary>
    public const string AppliedBy = SystemActors.HeldChangesApplied;

    public async Task<IReadOnlyList<StagedRemovalView>?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StagedRemovals.AsNoTracking().Where(s => s.OrganizationId == organizationId && !s.Approved)
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s, p }).OrderBy(x => x.p.Email)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new StagedRemovalView(x.p.Id, x.p.Email, x.p.DisplayName, x.s.Change, x.s.Reason, x.s.StagedAt)
        {
            Asked = x.s.Asked,
            Path = x.s.Path,
            FromRole = x.s.FromRole,
            ToRole = x.s.ToRole,
            Reasons = StoredReasons.Read(x.s.ReasonCodes, x.s.Reason),
        })];
    }

    /// <summary>Applies every held change of the organization; the count is of memberships changed now.</summary>
    public async Task<HeldChangesDecision> ApplyAllAsync(Guid organizationId, Guid actingPersonId, string? typed, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ResolveHeldChanges, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return HeldChangesDecision.Refused(refused);
        }

        var (db, actor, organization) = (write.Db, write.Actor, write.Organization!);
        var rows = await db.StagedRemovals.Where(s => s.OrganizationId == organizationId && !s.Approved).ToListAsync(cancellationToken);
        if (Confirmation(rows.Count, organization.Name, typed) is { } unconfirmed)
        {
            return HeldChangesDecision.Refused(unconfirmed);
        }

        rows.ForEach(r => r.Approved = true);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(db, actor, "sync.held_changes_applied", organization.Name, null,
            new { People = rows.Count, Changes = rows.Select(r => new { r.PersonId, Change = r.Change.ToString(), r.Asked, r.Path }) }, organizationId, organization.ParentId);

        var changed = await reconciler.ReconcileAsync(db, organization.ParentId, actor, new ReconcileScope().AddPeople(rows.Select(r => r.PersonId)), cancellationToken,
            onlyOrganizationId: organizationId, requestedBy: AppliedBy);
        return await write.CommitAsync(cancellationToken) is { } conflict ? HeldChangesDecision.Refused(conflict) : new HeldChangesDecision(changed, null);
    }

    /// <summary>Keeps every held person as they are; the count is of people kept.</summary>
    public async Task<HeldChangesDecision> DiscardAllAsync(Guid organizationId, Guid actingPersonId, string? typed, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ResolveHeldChanges, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return HeldChangesDecision.Refused(refused);
        }

        var (db, actor, organization) = (write.Db, write.Actor, write.Organization!);
        var rows = await db.StagedRemovals.Where(s => s.OrganizationId == organizationId && !s.Approved).ToListAsync(cancellationToken);
        if (Confirmation(rows.Count, organization.Name, typed) is { } unconfirmed)
        {
            return HeldChangesDecision.Refused(unconfirmed);
        }

        var changes = rows.ToDictionary(r => r.PersonId, r => r.Change);
        var people = changes.Keys.ToList();
        var memberships = await db.Memberships.Include(m => m.Person)
            .Where(m => m.OrganizationId == organizationId && people.Contains(m.PersonId)).ToListAsync(cancellationToken);
        foreach (var membership in memberships)
        {
            var before = new { Source = membership.Source.ToString(), Role = RoleCatalog.DisplayName(membership.Role) };
            if (changes[membership.PersonId] == ChangeKind.Demote)
            {
                // The role stays as an override that sync and sign-ins respect, as keeping a held top-role change does.
                (membership.RoleOverride, membership.RoleOverrideSetAt, membership.RoleOverrideSetBy) = (membership.Role, time.GetUtcNow(), actor.Name);
            }
            else
            {
                membership.Source = MembershipSource.Manual; // sync only takes away what sync granted
            }

            audit.Record(db, actor, "membership.kept_by_owner", membership.Person!.Email, before,
                new { Source = membership.Source.ToString(), Role = RoleCatalog.DisplayName(membership.Role), Discarded = changes[membership.PersonId].ToString() },
                organizationId, organization.ParentId);
        }

        audit.Record(db, actor, "sync.held_changes_discarded", organization.Name, null, new { People = rows.Count }, organizationId, organization.ParentId);
        db.StagedRemovals.RemoveRange(rows);
        return await write.CommitAsync(cancellationToken) is { } conflict ? HeldChangesDecision.Refused(conflict) : new HeldChangesDecision(rows.Count, null);
    }

    /// <summary>The typed confirmation: the number of people held now, or the organization's name.</summary>
    private static Error? Confirmation(int count, string organizationName, string? typed)
    {
        if (count == 0)
        {
            return new HeldChangesNotFound();
        }

        var text = typed?.Trim() ?? "";
        return text == count.ToString(System.Globalization.CultureInfo.InvariantCulture) || string.Equals(text, organizationName, StringComparison.OrdinalIgnoreCase)
            ? null
            : new HeldChangesConfirmationRequired(count, organizationName);
    }
}
