using IdentityAccess.Core.Access;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>The first-run checklist of a parent (<see cref="Permission.ViewParent"/>): which setup steps are done.</summary>
public sealed class ParentSetupQuery(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access)
{
    /// <summary>Null when the person may not view the parent.</summary>
    public async Task<ParentSetupProgress?> GetAsync(Guid parentId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.ParentOrganizationId == parentId)
            .Select(o => new { o.Id, o.Name, o.ProvisioningMode, o.AdvancedGroupMappingsEnabled })
            .ToListAsync(cancellationToken);
        var mapped = organizations.Where(o => o.AdvancedGroupMappingsEnabled).Select(o => o.Id).ToList();
        return new ParentSetupProgress(
            DomainVerified: await db.VerifiedDomains.AnyAsync(d => d.ParentOrganizationId == parentId && d.Status == DomainStatus.Verified, cancellationToken),
            SsoOn: await db.SamlConnections.AnyAsync(c => c.ParentOrganizationId == parentId && c.Enabled, cancellationToken),
            ScimTokenActive: await db.ScimTokens.AnyAsync(t => t.ParentOrganizationId == parentId && t.RevokedAt == null, cancellationToken),
            UsesDirectorySync: organizations.Any(o => o.ProvisioningMode == ProvisioningMode.Scim),
            ModeChosen: organizations.Any(o => o.ProvisioningMode != ProvisioningMode.Manual),
            GroupsMapped: mapped.Count > 0 && await db.GroupMappings.AnyAsync(m => mapped.Contains(m.OrganizationId), cancellationToken),
            FirstOrganizationId: organizations.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).Select(o => (Guid?)o.Id).FirstOrDefault());
    }
}
