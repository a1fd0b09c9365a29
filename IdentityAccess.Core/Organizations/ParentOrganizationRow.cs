using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Core.Organizations;

/// <summary>An organization as its parent's page lists it.</summary>
public sealed record ParentOrganizationRow(Guid Id, string Name, OrganizationPlan Plan, ProvisioningMode Mode, int MemberCount)
{
    public Product Product => Plan == OrganizationPlan.Console ? Product.Console : Product.Chat;
}
