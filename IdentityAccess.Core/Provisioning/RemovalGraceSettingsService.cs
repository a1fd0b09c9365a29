using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The parent's removal grace period, on the directory (SCIM) part of the Identity and access page: read by whoever
/// may see the parent, changed by whoever may change its directory settings (<see cref="Permission.ManageParentSettings"/>:
/// the parent's admins, never the top role of one of its organizations alone).
/// </summary>
public sealed class RemovalGraceSettingsService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit)
{
    /// <summary>The grace period in days, or null when the acting person may not see the parent.</summary>
    public async Task<int?> GetAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ParentOrganizations.Where(p => p.Id == parentId).Select(p => (int?)p.RemovalGraceDays).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Sets the grace period; null when done, otherwise why not (nothing changed).</summary>
    public async Task<Error?> SetAsync(Guid parentId, int days, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        if (days is < 0 or > ParentOrganization.MaxRemovalGraceDays)
        {
            return new RemovalGraceOutOfRange(days);
        }

        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var parent = await write.Db.ParentOrganizations.SingleAsync(p => p.Id == parentId, cancellationToken);
        if (parent.RemovalGraceDays == days)
        {
            return null;
        }

        audit.Record(write.Db, write.Actor, "parent.removal_grace_changed", parent.Name, new { Days = parent.RemovalGraceDays }, new { Days = days },
            parentOrganizationId: parentId);
        parent.RemovalGraceDays = days;
        return await write.CommitAsync(cancellationToken);
    }
}
