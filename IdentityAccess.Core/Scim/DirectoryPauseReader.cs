using IdentityAccess.Core.Access;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>Whether the directory an organization shares with its parent is paused by the parent's plan, for the page's banner.</summary>
public sealed class DirectoryPauseReader(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access)
{
    /// <summary>
    /// Null when the person may not see the organization's Identity and access page, when the plan includes directory
    /// sync, or when the parent never used it (no organization in directory-sync mode, no token, nobody in the directory).
    /// </summary>
    public async Task<DirectoryPause?> GetAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewIdentityAccess, cancellationToken);
        if (!check.IsGranted || check.Organization is not { } organization || DirectorySyncAvailability.Allows(organization.ParentPlan))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parentId = organization.ParentId;
        var onDirectorySync = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentOrganizationId == parentId && o.ProvisioningMode == ProvisioningMode.Scim)
            .OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken);
        var users = await db.DirectoryUsers.CountAsync(u => u.ParentOrganizationId == parentId, cancellationToken);
        var tokens = await db.ScimTokens.CountAsync(t => t.ParentOrganizationId == parentId && t.RevokedAt == null, cancellationToken);
        return onDirectorySync.Count == 0 && users == 0 && tokens == 0
            ? null
            : new DirectoryPause(organization.ParentName, organization.ParentPlan, organization.Name, organization.ProvisioningMode, onDirectorySync, users, tokens);
    }
}
