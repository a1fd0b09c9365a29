namespace IdentityAccess.Web.Components.Parents;

/// <summary>The portal's parent organization URLs.</summary>
public static class ParentRoute
{
    /// <summary>Creating a parent organization with its first organization.</summary>
    public const string NewOrganization = "/organizations/new";

    public static string For(Guid parentId) => $"/parents/{parentId}";
}
