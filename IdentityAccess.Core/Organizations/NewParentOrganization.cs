namespace IdentityAccess.Core.Organizations;

/// <summary>A parent organization to create with its first organization, whose plan decides the parent's.</summary>
public sealed record NewParentOrganization(string ParentName, NewOrganization Organization);
