namespace IdentityAccess.Core.Provisioning;

/// <summary>Whether an organization may use a provisioning mode, and if not, why, in words an owner can act on.</summary>
public sealed record ModeAvailability(ProvisioningMode Mode, bool IsAllowed, string? ReasonUnavailable)
{
    public static ModeAvailability Allowed(ProvisioningMode mode) => new(mode, true, null);

    public static ModeAvailability Unavailable(ProvisioningMode mode, string reason) => new(mode, false, reason);
}
