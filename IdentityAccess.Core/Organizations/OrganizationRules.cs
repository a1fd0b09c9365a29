using IdentityAccess.Core.Common;

namespace IdentityAccess.Core.Organizations;

/// <summary>Which organization plans may be joined to which parent plans.</summary>
public static class OrganizationRules
{
    public static Error? CheckCanJoin(ParentPlan parent, OrganizationPlan plan) => (parent, plan) switch
    {
        (_, OrganizationPlan.Console) => null,
        (ParentPlan.Enterprise, OrganizationPlan.Enterprise) => null,
        (ParentPlan.Team, OrganizationPlan.Team) => null,
        _ => new ValidationFailed(nameof(plan), ValidationRule.PlanCannotJoinParent, plan, parent),
    };
}
