namespace IdentityAccess.Web.Components.Layout;

/// <summary>The portal's organization URLs: <c>/orgs/{id}/{section}</c>. The layout reads them to know where it is.</summary>
public static class OrganizationRoute
{
    public const string Members = "members";
    public const string IdentityAndAccess = "identity";
    public const string AuditLog = "audit";

    public static string For(Guid organizationId, string section) => $"/orgs/{organizationId}/{section}";

    /// <summary>The organization and section of a base-relative path such as <c>orgs/{id}/members/…</c>.</summary>
    public static (Guid? OrganizationId, string Section) Parse(string relativePath)
    {
        var parts = relativePath.Split(['?', '#'])[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[0] == "orgs" && Guid.TryParse(parts[1], out var id))
        {
            return (id, parts.Length >= 3 ? parts[2] : Members);
        }

        return (null, Members);
    }
}
