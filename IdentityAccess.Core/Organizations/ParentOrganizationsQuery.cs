using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>The organizations of a parent, for its page (<see cref="Permission.ViewParent"/>).</summary>
public sealed class ParentOrganizationsQuery(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access)
{
    /// <summary>Null when the person may not view the parent.</summary>
    public async Task<IReadOnlyList<ParentOrganizationRow>?> ListAsync(Guid parentId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Organizations.AsNoTracking().Where(o => o.ParentOrganizationId == parentId)
            .Select(o => new ParentOrganizationRow(o.Id, o.Name, o.Plan, o.ProvisioningMode,
                db.Memberships.Count(m => m.OrganizationId == o.Id && m.Status == MembershipStatus.Active)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
