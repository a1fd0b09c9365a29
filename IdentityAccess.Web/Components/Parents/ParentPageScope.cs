namespace IdentityAccess.Web.Components.Parents;

/// <summary>Who looks at a parent page: the parent, the acting person, and whether they administer it (the actions).</summary>
public sealed record ParentPageScope(Guid ParentId, string ParentName, Guid PersonId, bool IsParentAdmin);
