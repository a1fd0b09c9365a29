using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Core.Access;

/// <summary>What the portal shows of an organization around its pages.</summary>
public sealed record OrganizationSummary(
    Guid Id,
    string Name,
    OrganizationPlan Plan,
    Guid ParentId,
    string ParentName,
    ParentPlan ParentPlan,
    ProvisioningMode ProvisioningMode)
{
    public Product Product => Plan == OrganizationPlan.Console ? Product.Console : Product.Chat;
}
