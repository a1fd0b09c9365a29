using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Whether an organization may use a provisioning mode, and if not, why: as a code with its argument (the parent's plan)
/// for the portal to say in the reader's language, and in English words an owner can act on for the command line and logs.
/// </summary>
public sealed record ModeAvailability(ProvisioningMode Mode, bool IsAllowed, string? ReasonUnavailable)
{
    public ModeUnavailableReason Why { get; init; }

    /// <summary>The parent's plan, which the reasons about a parent name.</summary>
    public ParentPlan? ParentPlan { get; init; }

    public static ModeAvailability Allowed(ProvisioningMode mode) => new(mode, true, null);

    public static ModeAvailability Unavailable(ProvisioningMode mode, ModeUnavailableReason why, ParentPlan parent, string reason) =>
        new(mode, false, reason) { Why = why, ParentPlan = parent };
}

/// <summary>Why a mode is not available: one case per rule of <see cref="ProvisioningModePolicy"/>.</summary>
public enum ModeUnavailableReason
{
    None,

    /// <summary>Directory sync on a Team plan.</summary>
    TeamPlan,

    /// <summary>Directory sync for a Console organization whose parent's plan does not include it.</summary>
    ConsoleUnderParentPlan,

    /// <summary>Directory sync for an Enterprise organization whose parent's plan does not include it.</summary>
    UnderParentPlan,
}
