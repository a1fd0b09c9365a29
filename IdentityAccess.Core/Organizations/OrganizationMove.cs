using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// An organization changing parent (a join request approved, or leaving): what came from the old parent's IdP stops
/// being managed by it. Memberships its directory or JIT granted become hand-managed (nobody loses access), the mode
/// returns to Manual and the group mappings go (they name the old directory's groups), and what that directory asked
/// and is still pending (staged removals, held changes) is dropped. The break-glass owner stays. An old parent left
/// without organizations is deleted with what it owned (its domains, connection, tokens and directory). The caller
/// holds the locks and records the audit events.
/// </summary>
internal static class OrganizationMove
{
    /// <summary>Returns whether the old parent was deleted.</summary>
    public static async Task<bool> MoveAsync(IdentityAccessDbContext db, Organization organization, Guid newParentId, string actorName, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var oldParentId = organization.ParentOrganizationId;
        await ParentWrite.LockAsync(db, oldParentId, cancellationToken);

        // Set-based: an organization can hold a hundred thousand synced members.
        await db.Memberships.Where(m => m.OrganizationId == organization.Id && m.Source != MembershipSource.Manual)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Source, MembershipSource.Manual), cancellationToken);
        // Overrides and roles to restore only mean something against the IdP that decided them.
        await db.Memberships.Where(m => m.OrganizationId == organization.Id && (m.RoleOverride != null || m.RoleBeforeSync != null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RoleOverride, (Roles.Role?)null).SetProperty(m => m.RoleOverrideSetAt, (DateTimeOffset?)null)
                .SetProperty(m => m.RoleOverrideSetBy, (string?)null).SetProperty(m => m.RoleBeforeSync, (Roles.Role?)null), cancellationToken);
        await db.GroupMappings.Where(m => m.OrganizationId == organization.Id).ExecuteDeleteAsync(cancellationToken);
        await db.StagedRemovals.Where(r => r.OrganizationId == organization.Id).ExecuteDeleteAsync(cancellationToken);
        await db.HeldTopRoleChanges.Where(h => h.OrganizationId == organization.Id && h.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ResolvedAt, now).SetProperty(h => h.Resolution, "withdrawn")
                .SetProperty(h => h.ResolvedBy, actorName), cancellationToken);

        organization.ParentOrganizationId = newParentId;
        organization.ProvisioningMode = ProvisioningMode.Manual;
        organization.AdvancedGroupMappingsEnabled = false;
        organization.SettingsVersion++;
        await db.SaveChangesAsync(cancellationToken); // the organization no longer points at the old parent before it may go

        // The cascade takes what the parent owned; audit events have no foreign key and stay.
        return await db.ParentOrganizations.Where(p => p.Id == oldParentId && !db.Organizations.Any(o => o.ParentOrganizationId == oldParentId))
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
