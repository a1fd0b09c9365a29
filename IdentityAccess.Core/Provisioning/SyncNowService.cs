using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// "Sync now": a full reconcile of the parent's directory into every joined organization in directory-sync mode,
/// for example to admit pending people after seats were bought. One transaction; returns how many memberships changed.
/// </summary>
public sealed class SyncNowService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, DirectoryReconciler reconciler, AuditLog audit)
{
    public async Task<int?> SyncAsync(Guid organizationId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actor.PersonId, Permission.ManageIdentityAccess, cancellationToken);
        if (!check.IsGranted)
        {
            return null;
        }

        var parentId = check.Organization!.ParentId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await reconciler.ReconcileAsync(db, parentId, actor, cancellationToken);
        audit.Record(db, actor, "scim.sync_now", check.Organization.ParentName, null, new { MembershipChanges = changed }, parentOrganizationId: parentId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
