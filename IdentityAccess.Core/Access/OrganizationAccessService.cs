using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Access;

/// <summary>
/// Decides access from the database on every call (through <see cref="AccessChecks"/>): pages check on load and every
/// server-side action checks again under its lock (<see cref="GuardedWrites"/>), so a role taken away by sync takes
/// effect at the next click.
/// </summary>
public sealed class OrganizationAccessService(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public async Task<OrganizationAccess> CheckAsync(Guid organizationId, Guid? personId, Permission permission,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await AccessChecks.OrganizationAsync(db, organizationId, personId, permission, cancellationToken);
    }

    public async Task<ParentAccess> CheckParentAsync(Guid parentId, Guid? personId, Permission permission, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await AccessChecks.ParentAsync(db, parentId, personId, permission, cancellationToken);
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

    /// <summary>The parent organizations this person administers, for the home page and the switcher.</summary>
    public async Task<IReadOnlyList<ParentSummary>> ListParentsIAdministerAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ParentAdministrators.AsNoTracking().Where(a => a.PersonId == personId)
            .Join(db.ParentOrganizations, a => a.ParentOrganizationId, p => p.Id, (a, p) => new ParentSummary(p.Id, p.Name, p.Plan))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(p => p.Name)];
    }
}
