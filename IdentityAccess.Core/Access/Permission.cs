namespace IdentityAccess.Core.Access;

/// <summary>What a person may do in one organization.</summary>
public enum Permission
{
    /// <summary>See the organization exists and one's own membership.</summary>
    ViewOrganization,

    /// <summary>See, add, change and remove members, and buy seats.</summary>
    ManageMembers,

    /// <summary>Open and save the Identity and access settings.</summary>
    ManageIdentityAccess,

    /// <summary>Read the audit log.</summary>
    ViewAuditLog,
}
