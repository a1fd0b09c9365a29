using System.Globalization;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// The rule engine's reasons in the reader's language: the one place an <see cref="OutcomeReason"/> becomes words on
/// screen ("Why this role?", the what-if, the review, "Known to your IdP, not members"). Core keeps its English
/// <see cref="OutcomeReason.Text"/> for the audit trail and the logs; here each <see cref="ReasonCode"/> has its key
/// <c>Reason.&lt;Code&gt;</c>, filled with the reason's values: group, role, tier and organization names as they are,
/// days as yyyy-MM-dd as the members page writes them, numbers grouped for the reader.
/// </summary>
public static class ReasonWords
{
    public static string Reason(this IStringLocalizer localizer, OutcomeReason reason)
    {
        var a = reason.Arguments.Select(argument => Value(localizer, argument)).ToArray();
        return reason.Code switch
        {
            ReasonCode.BreakGlassOwner => localizer["Reason.BreakGlassOwner"],
            ReasonCode.LastTopRole => localizer["Reason.LastTopRole", a],
            ReasonCode.InvitedByHand => localizer["Reason.InvitedByHand"],
            ReasonCode.HeldBySafeguard => localizer["Reason.HeldBySafeguard"],
            ReasonCode.ManualMember => localizer["Reason.ManualMember"],
            ReasonCode.ManualNotMember => localizer["Reason.ManualNotMember"],
            ReasonCode.JitNoMappingsCanSignIn => localizer["Reason.JitNoMappingsCanSignIn"],
            ReasonCode.JitWaitingForSeatNow => localizer["Reason.JitWaitingForSeatNow"],
            ReasonCode.JitWaitingForSeatNext => localizer["Reason.JitWaitingForSeatNext"],
            ReasonCode.JitByHand => localizer["Reason.JitByHand"],
            ReasonCode.JitFirstSignIn => localizer["Reason.JitFirstSignIn"],
            ReasonCode.JitWhenTheySignIn => localizer["Reason.JitWhenTheySignIn"],
            ReasonCode.JitGroupsUnknown => localizer["Reason.JitGroupsUnknown"],
            ReasonCode.JitWhenTheySignInMapped => localizer["Reason.JitWhenTheySignInMapped"],
            ReasonCode.NoGroupAtLastSignIn => localizer["Reason.NoGroupAtLastSignIn", a],
            ReasonCode.MappedAtNextSignIn => localizer["Reason.MappedAtNextSignIn"],
            ReasonCode.GroupOverage => localizer["Reason.GroupOverage"],
            ReasonCode.JitUpdatedAtNextSignIn => localizer["Reason.JitUpdatedAtNextSignIn"],
            ReasonCode.JitRecomputedNow => localizer["Reason.JitRecomputedNow"],
            ReasonCode.NoGroupLoginBlocked => localizer["Reason.NoGroupLoginBlocked"],
            ReasonCode.NoGroupNotProvisioned => localizer["Reason.NoGroupNotProvisioned", a],
            ReasonCode.ScimAddedByHand => localizer["Reason.ScimAddedByHand"],
            ReasonCode.NotAssignedRemoved => localizer["Reason.NotAssignedRemoved"],
            ReasonCode.NotAssigned => localizer["Reason.NotAssigned"],
            ReasonCode.DeactivatedInIdp => localizer["Reason.DeactivatedInIdp"],
            ReasonCode.ScimByHand => localizer["Reason.ScimByHand"],
            ReasonCode.ScimAssignedAsUser => localizer["Reason.ScimAssignedAsUser"],
            ReasonCode.ScimFollowsGroups => localizer["Reason.ScimFollowsGroups"],
            ReasonCode.NoGroupRemoved => localizer["Reason.NoGroupRemoved"],
            ReasonCode.AssignedNoGroup => localizer["Reason.AssignedNoGroup", a],
            ReasonCode.DeactivatedSuspended => localizer["Reason.DeactivatedSuspended"],
            ReasonCode.DeactivatedRemoved => localizer.Count("Reason.DeactivatedRemoved", (int)reason.Arguments[0]!, a[1]),
            ReasonCode.DeactivatedRemovedOn => localizer["Reason.DeactivatedRemovedOn", a],
            ReasonCode.GroupRole => localizer["Reason.GroupRole", a],
            ReasonCode.GroupsRole => localizer["Reason.GroupsRole", a],
            ReasonCode.GroupTier => localizer["Reason.GroupTier", a],
            ReasonCode.NoTierGroupKeepsSeat => localizer["Reason.NoTierGroupKeepsSeat", a],
            ReasonCode.NoFreeTierKeepsSeat => localizer["Reason.NoFreeTierKeepsSeat", a],
            ReasonCode.NoFreeSeatPending => localizer["Reason.NoFreeSeatPending"],
            ReasonCode.NoFreeTierSeatPending => localizer["Reason.NoFreeTierSeatPending", a],
            ReasonCode.HighestFreeTier => localizer["Reason.HighestFreeTier", a],
            ReasonCode.NoFreeSeatInAnyTier => localizer["Reason.NoFreeSeatInAnyTier"],
            ReasonCode.IdpAsked => localizer["Reason.IdpAsked", a],
            ReasonCode.OverrideCleared => localizer["Reason.OverrideCleared", a],
            ReasonCode.RoleKeptByHand => localizer["Reason.RoleKeptByHand", a],
            ReasonCode.RoleKeptByHandSetBy => localizer["Reason.RoleKeptByHandSetBy", a],
            ReasonCode.RoleKeptByHandSetOn => localizer["Reason.RoleKeptByHandSetOn", a],
            ReasonCode.RoleKeptByHandSetByOn => localizer["Reason.RoleKeptByHandSetByOn", a],
            ReasonCode.TestSignInJitNotInPlan => localizer["Reason.TestSignInJitNotInPlan"],
            ReasonCode.TestSignInExistingOnly => localizer["Reason.TestSignInExistingOnly", a],
            ReasonCode.AsRecorded => localizer["Reason.AsRecorded", a],
        };
    }

    private static object Value(IStringLocalizer localizer, object? argument) => argument switch
    {
        null => "",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int number => PortalStrings.Number(number),
        IEnumerable<OutcomeReason> asked => string.Join(" ", asked.Select(r => localizer.Reason(r))),
        _ => argument,
    };
}
