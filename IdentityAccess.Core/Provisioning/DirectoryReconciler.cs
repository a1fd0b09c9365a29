using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Turns the directory as it now stands into memberships, for every organization joined to the parent whose mode
/// is directory sync, through the rule engine. Runs inside the caller's transaction, after the directory write was
/// flushed, so a crash leaves neither half.
/// </summary>
public sealed class DirectoryReconciler(PlanApplier applier)
{
    public async Task<int> ReconcileAsync(IdentityAccessDbContext db, Guid parentOrganizationId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentOrganizationId == parentOrganizationId && o.ProvisioningMode == ProvisioningMode.Scim)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var organizationId in organizations)
        {
            var input = (await ProvisioningInputLoader.LoadWithSavedSettingsAsync(db, organizationId, cancellationToken))!;
            changed += await applier.ApplyAsync(db, ProvisioningRules.Evaluate(input), parentOrganizationId, actor, cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // the next organization's load sees people linked by this one
        }

        return changed;
    }
}
