using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>One organization of the parent, its provisioning mode and plans: whether a sign-in provisions there.</summary>
public sealed record ParentOrganizationMode(Guid Id, string Name, ProvisioningMode Mode, OrganizationPlan Plan, ParentPlan ParentPlan)
{
    /// <summary>
    /// The mode is JIT and the plans allow JIT (<see cref="ProvisioningModePolicy"/>; every plan does today). An
    /// organization left in JIT mode by a plan without it lets its existing members in and provisions nobody, as Manual.
    /// </summary>
    public bool ProvisionsJustInTime => ProvisionsUnder(ProvisioningModePolicy.Check);

    /// <summary>As the parent's snapshot holds the organization.</summary>
    internal static ParentOrganizationMode Of(Provisioning.Snapshots.OrganizationSnapshot organization) =>
        new(organization.Id, organization.Name, organization.Mode, organization.Plan, organization.ParentPlan);

    /// <summary>The same rule under a given policy, so a test can show the policy is what decides.</summary>
    internal bool ProvisionsUnder(Func<ProvisioningMode, OrganizationPlan, ParentPlan, ModeAvailability> policy) =>
        Mode == ProvisioningMode.Jit && policy(ProvisioningMode.Jit, Plan, ParentPlan).IsAllowed;
}
