using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Apply;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The decision on a change the IdP asked for that was held so the organization keeps an active top-role member, by a
/// top role or a parent admin. Apply (typed confirmation: the person's email) does what the IdP asked, once someone else
/// holds the top role. Keep leaves the person as they are, visibly: their role becomes an override that sync respects,
/// and a removal or suspension makes them a hand-managed member (as rejecting a staged removal does).
/// </summary>
public sealed class HeldTopRoleChangeService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit, TimeProvider time)
{
    /// <summary>Null when the acting person may not see the organization's identity settings.</summary>
    public async Task<HeldTopRoleChangeList?> ListAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        if (!check.IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await db.HeldTopRoleChanges.AsNoTracking().Where(h => h.OrganizationId == organizationId && h.ResolvedAt == null)
            .Join(db.People, h => h.PersonId, p => p.Id, (h, p) => new { h, p })
            .Select(x => new { x.h, x.p.Email, x.p.DisplayName })
            .ToListAsync(cancellationToken);
        var views = items.Select(x => new HeldTopRoleChangeView(x.h.Id, x.h.PersonId, x.Email, x.DisplayName, x.h.Change, x.h.FromRole, x.h.ToRole,
            x.h.ToStatus, x.h.RequestedBy, x.h.Reason, x.h.HeldAt)
        {
            Reasons = StoredReasons.Read(x.h.ReasonCodes, x.h.Reason),
        });
        return new HeldTopRoleChangeList([.. views.OrderBy(i => i.HeldAt).ThenBy(i => i.Email, StringComparer.OrdinalIgnoreCase)],
            OrganizationPermissions.Allows(check.Roles!, Permission.ResolveHeldChanges));
    }

    /// <summary>Does what the IdP asked; refused while nobody else holds the top role.</summary>
    public Task<Error?> ApplyAsync(Guid organizationId, Guid heldChangeId, string? typedEmail, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        DecideAsync(organizationId, heldChangeId, actingPersonId, async (write, held, member) =>
        {
            var (db, organization) = (write.Db, write.Organization!);
            if (!string.Equals(typedEmail?.Trim(), member.Person!.Email, StringComparison.OrdinalIgnoreCase))
            {
                return new HeldChangeConfirmationRequired(member.Person.Email);
            }

            var top = RoleCatalog.TopRole(organization.Product);
            var anotherTop = await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.Id != member.Id && m.Role == top
                && m.Status == MembershipStatus.Active, cancellationToken);
            if (member.Role == top && member.Status == MembershipStatus.Active && !anotherTop)
            {
                return new HeldChangeLeavesNoTopRole(RoleCatalog.DisplayName(top), organization.Name);
            }

            var before = Snapshot(member);
            var role = held.ToRole ?? member.Role;
            var changes = RoleCatalog.Rank(organization.Product, role) > RoleCatalog.Rank(organization.Product, member.Role) ? [ChangeKind.Demote] : Array.Empty<ChangeKind>();
            member.RoleBeforeSync = RoleMemory.BeforeSync(organization.Product, member.Role, member.RoleBeforeSync,
                new DesiredMembership(role, member.SeatTier, held.ToStatus, member.Source), changes);
            (member.RoleOverride, member.RoleOverrideSetAt, member.RoleOverrideSetBy) = (null, null, null); // the IdP decides again
            if (member.Status != held.ToStatus)
            {
                (member.Status, member.StatusChangedAt) = (held.ToStatus, time.GetUtcNow());
            }

            member.Role = role;
            Resolve(held, TopRoleHolds.Applied, write.Actor);
            audit.Record(db, write.Actor, "membership.top_role_change_applied", member.Person.Email, before,
                new { Role = RoleCatalog.DisplayName(member.Role), Status = member.Status.ToString(), Change = held.Change.ToString(), held.RequestedBy },
                organizationId, organization.ParentId);
            return null;
        }, cancellationToken);

    /// <summary>Keeps the person as they are: their role as an override, and, for a removal or suspension, a hand-managed membership.</summary>
    public Task<Error?> KeepAsync(Guid organizationId, Guid heldChangeId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        DecideAsync(organizationId, heldChangeId, actingPersonId, (write, held, member) =>
        {
            var before = new { Role = RoleCatalog.DisplayName(member.Role), Source = member.Source.ToString(), RoleOverride = member.RoleOverride?.ToString() };
            (member.RoleOverride, member.RoleOverrideSetAt, member.RoleOverrideSetBy) = (member.Role, time.GetUtcNow(), write.Actor.Name);
            if (held.Change is ChangeKind.Deprovision or ChangeKind.Suspend)
            {
                member.Source = MembershipSource.Manual; // sync only takes away what sync granted
            }

            Resolve(held, TopRoleHolds.Kept, write.Actor);
            audit.Record(write.Db, write.Actor, "membership.top_role_change_kept", member.Person!.Email, before,
                new { Role = RoleCatalog.DisplayName(member.Role), Source = member.Source.ToString(), RoleOverride = member.Role.ToString(), Change = held.Change.ToString() },
                organizationId, write.Organization!.ParentId);
            return Task.FromResult<Error?>(null);
        }, cancellationToken);

    /// <summary>
    /// The one shape of both decisions: the organization's lock, the acting person's right to decide read under it, the
    /// open held change and its membership; <paramref name="decide"/> refuses, or changes them and its audit entry is saved with them.
    /// </summary>
    private async Task<Error?> DecideAsync(Guid organizationId, Guid heldChangeId, Guid actingPersonId,
        Func<GuardedWrite, HeldTopRoleChange, Membership, Task<Error?>> decide, CancellationToken cancellationToken)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ResolveHeldChanges, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        if (await FindAsync(write.Db, organizationId, heldChangeId, cancellationToken) is not { } found)
        {
            return new HeldChangeNotFound();
        }

        return await decide(write, found.Held, found.Member) ?? await write.CommitAsync(cancellationToken);
    }

    private static async Task<(HeldTopRoleChange Held, Membership Member)?> FindAsync(IdentityAccessDbContext db, Guid organizationId, Guid heldChangeId,
        CancellationToken cancellationToken)
    {
        // Another organization's hold is as unknown here as one already resolved.
        var held = await db.HeldTopRoleChanges.SingleOrDefaultAsync(h => h.Id == heldChangeId && h.OrganizationId == organizationId && h.ResolvedAt == null,
            cancellationToken);
        var member = held is null ? null : await db.Memberships.Include(m => m.Person)
            .SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.PersonId == held.PersonId, cancellationToken);
        return held is null || member is null ? null : (held, member);
    }

    private void Resolve(HeldTopRoleChange held, string resolution, AuditActor actor) =>
        (held.ResolvedAt, held.Resolution, held.ResolvedBy) = (time.GetUtcNow(), resolution, actor.Name);

    private static object Snapshot(Membership m) => new { Role = RoleCatalog.DisplayName(m.Role), Tier = m.SeatTier?.ToString(), Status = m.Status.ToString() };
}
