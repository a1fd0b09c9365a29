namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// The phrases of the provisioning log's rows. Stored by name: renaming or removing one makes older rows fall back to
/// their English, so add new ones rather than change old ones. Their values are in <see cref="ProvisioningLogEnglish"/>.
/// </summary>
public enum LogPhraseCode
{
    // SCIM users: {0} the userName
    UserCreated,
    UserCreatedInactive,
    UserReplaced,
    UserUpdated,
    UserDeleted,
    RenamedFrom,
    Deactivated,
    Reactivated,
    LinkedToPerson,
    ProfileUpdated,
    NameChanged,
    EmailChanged,

    // SCIM groups: {0} the display name
    GroupCreated,
    GroupReplaced,
    GroupUpdated,
    GroupDeleted,
    GroupRenamed,

    // SCIM reads
    NoUserMatched,
    NoGroupMatched,
    UsersMatched,
    GroupsMatched,
    UsersListed,
    GroupsListed,
    UserRead,
    GroupRead,
    Bulk,
    BulkStopped,

    // What a request's member writes and the engine did
    NoMemberChanges,
    MembersAdded,
    MembersRemoved,
    MembersAddedRemoved,
    NestedGroupsSkipped,
    MembershipChanges,

    // The last top role kept
    TopRoleHeld,
    HeldWithdrawn,
    HeldApplied,

    // Sync now: {0} who ran it, {1} the changes
    SyncNow,

    // A SAML sign-in
    SignInChanged,
    PersonCreated,
    SubjectLinked,
    ProfileChanged,
    EmailNotChangedOutsideDomains,
    EmailNotChangedUsedByAnother,
    ProvisionedIn,
    RoleChangedIn,
    TierChangedIn,
    StatusChangedIn,
    SignedIn,
    SignedInToAcceptInvitation,
    SignedInTo,

    // Why a sign-in was refused or failed, or a request ended unanswered: a row's error, stored beside its English ErrorDetail
    SignInWaitingForSeat, // {0} the email, {1} the organization
    SignInNotInMappedGroup, // {0} the email, {1} the organization
    SignInMembershipEnded, // {0} the email, {1} the organization, {2} the status
    SignInNotAMember, // {0} the email
    SignInNoAccount, // {0} the email (the subject when none); details: SignInJitNotInPlan
    SignInJitNotInPlan, // {0} the organizations, comma-separated
    SignInDomainNotVerified, // {0} the email's domain, {1} the parent
    SignInSsoTurnedOff,
    SignInResponseRejected, // {0} the SamlFailureReason's name
    SignInSubjectUnusable,
    SignInServerError, // {0} the exception's type name
    ClientClosedConnection,
}
