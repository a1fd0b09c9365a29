using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// The billing stand-in for a parent's plan: a chat parent switches between Enterprise and Team, and its chat
/// organizations' plans follow (Console organizations stay Console). A Console organization's own parent has nothing
/// to choose. Modes are left as they are: a directory-sync organization on a plan without it is shown as paused.
/// </summary>
public sealed class ParentPlanChange(GuardedWrites writes, AuditLog audit)
{
    public async Task<Error?> ChangeAsync(Guid parentId, ParentPlan plan, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ChangeParentPlan, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var (db, parent) = (write.Db, write.Parent!);
        if (parent.Plan == ParentPlan.Console)
        {
            return new ParentPlanFixed(parent.Name);
        }

        if (plan is not (ParentPlan.Enterprise or ParentPlan.Team))
        {
            return new ValidationFailed("plan", ValidationRule.ParentPlanRequired);
        }

        if (plan == parent.Plan)
        {
            return null;
        }

        var chatPlan = plan == ParentPlan.Enterprise ? OrganizationPlan.Enterprise : OrganizationPlan.Team;
        var row = await db.ParentOrganizations.Include(p => p.Organizations).SingleAsync(p => p.Id == parentId, cancellationToken);
        var changed = row.Organizations.Where(o => o.Plan != OrganizationPlan.Console && o.Plan != chatPlan).ToList();
        changed.ForEach(o => o.Plan = chatPlan);
        row.Plan = plan;
        audit.Record(db, write.Actor, "parent.plan_changed", parent.Name, new { Plan = parent.Plan.ToString() },
            new { Plan = plan.ToString(), Organizations = changed.Select(o => o.Name).Order().ToArray() }, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }
}
