namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>
/// Whose parent-owned settings a section shows, and to whom: the parent, reached through one of its organizations
/// (its Identity and access page) or directly (the parent page), and whether the acting person may change them.
/// Reads go through the organization when there is one, writes always to the parent; the server checks both again.
/// </summary>
public sealed record ParentSettingsScope(Guid ParentId, string ParentName, Guid? OrganizationId, Guid PersonId, bool CanManage);
