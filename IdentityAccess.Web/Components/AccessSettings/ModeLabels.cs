using IdentityAccess.Core.Provisioning;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The provisioning modes and why one is unavailable, in the reader's language (Core gives the codes).</summary>
internal static class ModeLabels
{
    public static string Name(IStringLocalizer localizer, ProvisioningMode mode) => localizer[mode switch
    {
        ProvisioningMode.Manual => "Mode.Manual",
        ProvisioningMode.Jit => "Mode.Jit",
        ProvisioningMode.Scim => "Mode.Scim",
    }];

    public static string Help(IStringLocalizer localizer, ProvisioningMode mode) => localizer[mode switch
    {
        ProvisioningMode.Manual => "Mode.ManualHelp",
        ProvisioningMode.Jit => "Mode.JitHelp",
        ProvisioningMode.Scim => "Mode.ScimHelp",
    }];

    /// <summary>The rule that stops it; each reason names the mode itself, so nothing is put before it.</summary>
    public static string? WhyUnavailable(IStringLocalizer localizer, ModeAvailability availability) => availability.Why switch
    {
        ModeUnavailableReason.None => availability.ReasonUnavailable,
        ModeUnavailableReason.TeamPlan => localizer["Mode.Unavailable.TeamPlan"],
        ModeUnavailableReason.ConsoleUnderParentPlan => localizer["Mode.Unavailable.ConsoleUnderParentPlan", availability.ParentPlan!],
        ModeUnavailableReason.UnderParentPlan => localizer["Mode.Unavailable.UnderParentPlan", availability.ParentPlan!],
    };
}
