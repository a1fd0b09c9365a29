using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Access;

/// <summary>
/// Decides access from the database on every call: pages check on load and every server-side action checks again,
/// so a role taken away by sync takes effect at the next click.
/// </summary>
public sealed class OrganizationAccessService(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public async Task<OrganizationAccess> CheckAsync(Guid organizationId, Guid? personId, Permission permission,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new OrganizationSummary(o.Id, o.Name, o.Plan, o.ParentOrganizationId, o.Parent!.Name, o.Parent.Plan, o.ProvisioningMode))
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return OrganizationAccess.NotFound;
        }

        var role = personId is null
            ? null
            : await db.Memberships.AsNoTracking()
                .Where(m => m.OrganizationId == organizationId && m.PersonId == personId && m.Status == MembershipStatus.Active)
                .Select(m => (Role?)m.Role)
                .SingleOrDefaultAsync(cancellationToken);
        if (role is null)
        {
            return new(AccessOutcome.Forbidden, organization, null, $"You are not a member of {organization.Name}.");
        }

        return OrganizationPermissions.Allows(organization.Product, role.Value, permission)
            ? new(AccessOutcome.Granted, organization, role, null)
            : new(AccessOutcome.Forbidden, organization, role,
                $"This page is for {OrganizationPermissions.Describe(organization.Product, permission)}. " +
                $"Your role in {organization.Name} is {RoleCatalog.DisplayName(role.Value)}." + LostTopRoleHint(organization, permission));
    }

    // The help article's "I lost Admin/Owner after enabling advanced group mappings", answered where it is felt.
    private static string LostTopRoleHint(OrganizationSummary organization, Permission permission)
    {
        if (permission != Permission.ManageIdentityAccess)
        {
            return "";
        }

        var top = RoleCatalog.DisplayName(RoleCatalog.TopRole(organization.Product));
        return $" If you were {top} and lost it after group mappings changed: your IdP administrator adds you back to the group mapped to {top}, " +
            $"then another {top} presses Sync now on Identity and access (with JIT, sign out and in again). Another {top} can also give it back on " +
            "the Members page, but the next sync undoes that unless your groups are fixed. The organization's break-glass owner is never affected by sync.";
    }

    public async Task<IReadOnlyList<MyOrganization>> ListMineAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.Status == MembershipStatus.Active)
            .Select(m => new MyOrganization(
                new OrganizationSummary(m.OrganizationId, m.Organization!.Name, m.Organization.Plan, m.Organization.ParentOrganizationId,
                    m.Organization.Parent!.Name, m.Organization.Parent.Plan, m.Organization.ProvisioningMode),
                m.Role, m.SeatTier))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Organization.ParentName).ThenBy(r => r.Organization.Name)];
    }
}
