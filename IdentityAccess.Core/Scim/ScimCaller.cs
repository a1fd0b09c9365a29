namespace IdentityAccess.Core.Scim;

/// <summary>The token a SCIM request came with: whose directory, which token (by id and shown prefix), still valid or revoked.</summary>
public sealed record ScimCaller(Guid ParentOrganizationId, Guid TokenId, string Prefix, bool IsActive);
