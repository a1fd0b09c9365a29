using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Provisioning;

/// <summary>The plan rules for provisioning modes, in one place: which modes an organization may use and why not.</summary>
public static class ProvisioningModePolicy
{
    public static IReadOnlyList<ModeAvailability> Evaluate(OrganizationPlan plan, ParentPlan parent) =>
        [Check(ProvisioningMode.Manual, plan, parent), Check(ProvisioningMode.Jit, plan, parent), Check(ProvisioningMode.Scim, plan, parent)];

    public static ModeAvailability Check(ProvisioningMode mode, OrganizationPlan plan, ParentPlan parent) => mode switch
    {
        ProvisioningMode.Manual => ModeAvailability.Allowed(mode),
        // JIT is on every plan: Team, Enterprise and Console.
        ProvisioningMode.Jit => ModeAvailability.Allowed(mode),
        ProvisioningMode.Scim => CheckScim(plan, parent),
    };

    private static ModeAvailability CheckScim(OrganizationPlan plan, ParentPlan parent) => (plan, parent) switch
    {
        (OrganizationPlan.Enterprise, _) => ModeAvailability.Allowed(ProvisioningMode.Scim),
        (OrganizationPlan.Console, ParentPlan.Enterprise or ParentPlan.Console) => ModeAvailability.Allowed(ProvisioningMode.Scim),
        (OrganizationPlan.Console, ParentPlan.Team) => ModeAvailability.Unavailable(ProvisioningMode.Scim,
            "Directory sync (SCIM) is not available to Console organizations joined to a Team plan's parent organization. " +
            "It needs an Enterprise parent, or the Console organization's own parent."),
        (OrganizationPlan.Team, _) => ModeAvailability.Unavailable(ProvisioningMode.Scim,
            "Directory sync (SCIM) is available on Enterprise plans only. Team plans can use Manual or Just in time (JIT) provisioning."),
    };

    public static string DisplayName(ProvisioningMode mode) => mode switch
    {
        ProvisioningMode.Manual => "Manual",
        ProvisioningMode.Jit => "Just in time (JIT)",
        ProvisioningMode.Scim => "Directory sync (SCIM)",
    };
}
