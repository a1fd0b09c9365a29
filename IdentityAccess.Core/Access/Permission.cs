namespace IdentityAccess.Core.Access;

/// <summary>
/// What a person may do, in one organization or in a parent organization. Who holds each is decided in one place,
/// <see cref="OrganizationPermissions"/>; <see cref="OrganizationPermissions.ScopeOf"/> says which kind of place each is checked in.
/// </summary>
public enum Permission
{
    // In one organization.

    /// <summary>See the organization exists and one's own membership.</summary>
    ViewOrganization,

    /// <summary>See, add, invite, change and remove members below the top role.</summary>
    ManageMembers,

    /// <summary>Make someone the top role (chat Owner, Console Admin) or take it away, by hand.</summary>
    ChangeTopRole,

    /// <summary>
    /// Give back the role a mapping or directory change took from a member (the help article's recovery, option 1),
    /// once, even when that role is the top role.
    /// </summary>
    RestorePreviousRole,

    /// <summary>Set how many seats are bought (the billing stand-in).</summary>
    BuySeats,

    /// <summary>Open the Identity and access page: the organization's settings, and the parent's read-only.</summary>
    ViewIdentityAccess,

    /// <summary>Save the organization's provisioning mode, group mappings and break-glass owner.</summary>
    ManageIdentityAccess,

    /// <summary>Reconcile the parent's directory into this organization now ("Sync now").</summary>
    RunSyncNow,

    /// <summary>Apply or keep a change the IdP asked for that was held so the organization keeps a top role.</summary>
    ResolveHeldChanges,

    /// <summary>Remove the break-glass owner, who is exempt from sync so that someone can always get back in.</summary>
    RemoveBreakGlassOwner,

    /// <summary>Read the organization's audit log and provisioning log.</summary>
    ViewAuditLog,

    /// <summary>Ask to join another parent organization, or leave the current one.</summary>
    ChangeParentMembership,

    // In a parent organization.

    /// <summary>See the parent organization: its organizations, admins, domains, SSO connection and directory.</summary>
    ViewParent,

    /// <summary>Change what the parent owns: SSO connection and metadata, domains, SCIM tokens, the directory.</summary>
    ManageParentSettings,

    /// <summary>Grant and revoke the parent admin role.</summary>
    ManageParentAdmins,

    /// <summary>Create organizations under the parent, approve or decline requests to join it.</summary>
    ManageParentOrganizations,

    /// <summary>Change the parent's plan (the billing stand-in).</summary>
    ChangeParentPlan,

    /// <summary>Reconcile the parent's directory into every organization in directory-sync mode.</summary>
    SyncParentDirectory,
}
