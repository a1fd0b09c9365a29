using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>The organization as the rules see it: product, plan, current mode and seats.</summary>
public sealed record OrganizationFacts(
    Guid OrganizationId,
    string Name,
    OrganizationPlan Plan,
    ParentPlan ParentPlan,
    ProvisioningMode CurrentMode,
    IReadOnlyList<SeatPoolFacts> Seats,
    int SettingsVersion = 1)
{
    public Product Product => Plan == OrganizationPlan.Console ? Product.Console : Product.Chat;
}
