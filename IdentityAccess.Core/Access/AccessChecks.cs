using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Access;

/// <summary>
/// The one place the acting person's roles are read and checked against <see cref="OrganizationPermissions"/>: their
/// role in the organization and whether they administer its parent, read from the database in the caller's context.
/// A write calls it after taking its lock (<see cref="GuardedWrites"/>), so an Owner demoted a moment ago cannot act
/// on the old role; pages call it through <see cref="OrganizationAccessService"/> on every load.
/// </summary>
internal static class AccessChecks
{
    public static async Task<OrganizationAccess> OrganizationAsync(IdentityAccessDbContext db, Guid organizationId, Guid? personId, Permission permission,
        CancellationToken cancellationToken)
    {
        var who = personId ?? Guid.Empty;
        // One round trip: this runs before every page and every action.
        var row = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new
            {
                Summary = new OrganizationSummary(o.Id, o.Name, o.Plan, o.ParentOrganizationId, o.Parent!.Name, o.Parent.Plan, o.ProvisioningMode),
                Role = db.Memberships.Where(m => m.OrganizationId == o.Id && m.PersonId == who && m.Status == MembershipStatus.Active)
                    .Select(m => (Role?)m.Role).FirstOrDefault(),
                IsParentAdmin = db.ParentAdministrators.Any(a => a.ParentOrganizationId == o.ParentOrganizationId && a.PersonId == who),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return OrganizationAccess.NotFound;
        }

        var organization = row.Summary;
        if (personId is null)
        {
            return new(AccessOutcome.Forbidden, organization, null, new NotSignedIn());
        }

        var roles = new ActingRoles(personId, organization.Product, row.Role, row.IsParentAdmin);
        if (OrganizationPermissions.Allows(roles, permission))
        {
            return new(AccessOutcome.Granted, organization, roles, null);
        }

        return new(AccessOutcome.Forbidden, organization, roles, roles.OrganizationRole is { } role
            ? AccessRefused.ForRole(permission, organization.Product, organization.Name, role)
            : AccessRefused.NotAMember(permission, organization.Product, organization.Name));
    }

    public static async Task<ParentAccess> ParentAsync(IdentityAccessDbContext db, Guid parentId, Guid? personId, Permission permission,
        CancellationToken cancellationToken)
    {
        var who = personId ?? Guid.Empty;
        var row = await db.ParentOrganizations.AsNoTracking()
            .Where(p => p.Id == parentId)
            .Select(p => new
            {
                Summary = new ParentSummary(p.Id, p.Name, p.Plan),
                IsParentAdmin = db.ParentAdministrators.Any(a => a.ParentOrganizationId == p.Id && a.PersonId == who),
                IsTopRole = db.Memberships.Any(m => m.PersonId == who && m.Status == MembershipStatus.Active
                    && m.Organization!.ParentOrganizationId == p.Id
                    && (m.Organization.Plan == OrganizationPlan.Console ? m.Role == Role.Admin : m.Role == Role.Owner)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return ParentAccess.NotFound;
        }

        if (personId is null)
        {
            return new(AccessOutcome.Forbidden, row.Summary, null, new NotSignedIn());
        }

        var roles = new ActingRoles(personId, Product.Chat, null, row.IsParentAdmin, row.IsTopRole);
        if (OrganizationPermissions.Allows(roles, permission))
        {
            return new(AccessOutcome.Granted, row.Summary, roles, null);
        }

        // Someone with no standing in the parent learns nothing about it.
        if (!row.IsParentAdmin && !row.IsTopRole && !await IsMemberUnderAsync(db, parentId, who, cancellationToken))
        {
            return ParentAccess.NotFound;
        }

        return new(AccessOutcome.Forbidden, row.Summary, roles, AccessRefused.NotParentAdmin(permission, row.Summary.Name));
    }

    private static Task<bool> IsMemberUnderAsync(IdentityAccessDbContext db, Guid parentId, Guid personId, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.PersonId == personId && m.Status == MembershipStatus.Active && m.Organization!.ParentOrganizationId == parentId,
            cancellationToken);
}
