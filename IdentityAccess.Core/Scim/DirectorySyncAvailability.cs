using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Whether a parent's plan includes directory sync, in one place: token generation, the SCIM authentication step, the
/// reconciler (SCIM writes, Sync now, the scheduled reconcile) and the mode list all ask here. A plan without it pauses
/// the directory: what it already provisioned stays, nothing more comes in or goes out until the plan allows it again
/// or the organizations switch to Manual or JIT.
/// </summary>
public static class DirectorySyncAvailability
{
    public static bool Allows(ParentPlan plan) => plan switch
    {
        ParentPlan.Enterprise => true,
        // A Console organization's own parent: the Console plan includes directory sync.
        ParentPlan.Console => true,
        ParentPlan.Team => false,
    };

    /// <summary>Null when the plan allows directory sync; otherwise the refusal, naming the parent and its plan.</summary>
    public static DirectorySyncNotInPlan? Check(string parentName, ParentPlan plan) => Allows(plan) ? null : new DirectorySyncNotInPlan(parentName, plan);

    /// <summary>Read in the caller's transaction; false for a parent that does not exist.</summary>
    public static async Task<bool> AllowsAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        await db.ParentOrganizations.AsNoTracking().Where(p => p.Id == parentId).Select(p => (ParentPlan?)p.Plan).SingleOrDefaultAsync(cancellationToken)
            is { } plan && Allows(plan);
}
