namespace IdentityAccess.Core.Scim;

/// <summary>A token as the owner sees it in "Manage SCIM": never the secret.</summary>
public sealed record ScimTokenInfo(Guid Id, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt);
