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
}
