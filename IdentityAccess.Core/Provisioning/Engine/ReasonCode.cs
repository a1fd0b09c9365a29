namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// Each sentence the rule engine explains an outcome with (<see cref="OutcomeReason"/>): the portal says it in the
/// reader's language under the key <c>Reason.&lt;Code&gt;</c>, Core keeps its English for the audit trail and the logs.
/// </summary>
public enum ReasonCode
{
    BreakGlassOwner,
    LastTopRole,
    InvitedByHand,
    HeldBySafeguard,
    ManualMember,
    ManualNotMember,
    JitNoMappingsCanSignIn,
    JitWaitingForSeatNow,
    JitWaitingForSeatNext,
    JitByHand,
    JitFirstSignIn,
    JitWhenTheySignIn,
    JitGroupsUnknown,
    JitWhenTheySignInMapped,
    NoGroupAtLastSignIn,
    MappedAtNextSignIn,
    GroupOverage,
    JitUpdatedAtNextSignIn,
    JitRecomputedNow,
    NoGroupLoginBlocked,
    NoGroupNotProvisioned,
    ScimAddedByHand,
    NotAssignedRemoved,
    NotAssigned,
    DeactivatedInIdp,
    ScimByHand,
    ScimAssignedAsUser,
    ScimFollowsGroups,
    NoGroupRemoved,
    AssignedNoGroup,
    DeactivatedSuspended,
    DeactivatedRemoved,
    DeactivatedRemovedOn,
    GroupRole,
    GroupsRole,
    GroupTier,
    NoTierGroupKeepsSeat,
    NoFreeTierKeepsSeat,
    NoFreeSeatPending,
    NoFreeTierSeatPending,
    HighestFreeTier,
    NoFreeSeatInAnyTier,
    IdpAsked,
    OverrideCleared,
    RoleKeptByHand,
    RoleKeptByHandSetBy,
    RoleKeptByHandSetOn,
    RoleKeptByHandSetByOn,

    /// <summary>A test sign-in: the organization is set to JIT but its plan does not allow it.</summary>
    TestSignInJitNotInPlan,

    /// <summary>A test sign-in: the organization does not provision at sign-in. The value is the mode's name.</summary>
    TestSignInExistingOnly,

    /// <summary>A reason stored as English text before reasons had codes, shown as it was.</summary>
    AsRecorded,
}
