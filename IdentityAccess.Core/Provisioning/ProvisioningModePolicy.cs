using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Core.Provisioning;

/// <summary>The plan rules for provisioning modes, in one place: which modes an organization may use and why not.</summary>
public static class ProvisioningModePolicy
{
    public static IReadOnlyList<ModeAvailability> Evaluate(OrganizationPlan plan, ParentPlan parent) =>
        [Check(ProvisioningMode.Manual, plan, parent), Check(ProvisioningMode.Jit, plan, parent), Check(ProvisioningMode.Scim, plan, parent)];

    public static ModeAvailability Check(ProvisioningMode mode, OrganizationPlan plan, ParentPlan parent) => mode switch
    {
        ProvisioningMode.Manual => ModeAvailability.Allowed(mode),
        // JIT is on every plan today: Team, Enterprise and Console. JIT provisioning at sign-in asks here all the same
        // (ParentOrganizationMode.ProvisionsJustInTime), so a plan without it would stop provisioning there too.
        ProvisioningMode.Jit => ModeAvailability.Allowed(mode),
        ProvisioningMode.Scim => CheckScim(plan, parent),
    };

    // The parent's plan decides whether its directory may sync at all (DirectorySyncAvailability); the organization's
    // own plan then decides whether it may use it.
    private static ModeAvailability CheckScim(OrganizationPlan plan, ParentPlan parent) => (plan, DirectorySyncAvailability.Allows(parent)) switch
    {
        (OrganizationPlan.Team, _) => ModeAvailability.Unavailable(ProvisioningMode.Scim, ModeUnavailableReason.TeamPlan, parent,
            "Directory sync (SCIM) is available on Enterprise plans only. Team plans can use Manual or Just in time (JIT) provisioning."),
        (OrganizationPlan.Enterprise or OrganizationPlan.Console, true) => ModeAvailability.Allowed(ProvisioningMode.Scim),
        (OrganizationPlan.Console, false) => ModeAvailability.Unavailable(ProvisioningMode.Scim, ModeUnavailableReason.ConsoleUnderParentPlan, parent,
            $"Directory sync (SCIM) is not available to Console organizations joined to a {parent} plan's parent organization. " +
            "It needs an Enterprise parent, or the Console organization's own parent."),
        (OrganizationPlan.Enterprise, false) => ModeAvailability.Unavailable(ProvisioningMode.Scim, ModeUnavailableReason.UnderParentPlan, parent,
            $"Directory sync (SCIM) is not available to organizations joined to a {parent} plan's parent organization: the directory " +
            "belongs to the parent, and its plan does not include it. It needs an Enterprise parent."),
    };

    public static string DisplayName(ProvisioningMode mode) => mode switch
    {
        ProvisioningMode.Manual => "Manual",
        ProvisioningMode.Jit => "Just in time (JIT)",
        ProvisioningMode.Scim => "Directory sync (SCIM)",
    };
}
