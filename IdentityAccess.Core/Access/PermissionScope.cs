namespace IdentityAccess.Core.Access;

/// <summary>Where a permission is checked: in one organization, or in a parent organization.</summary>
public enum PermissionScope
{
    Organization,
    Parent,
}
