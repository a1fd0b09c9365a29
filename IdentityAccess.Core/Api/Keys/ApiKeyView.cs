namespace IdentityAccess.Core.Api.Keys;

/// <summary>A key as the parent page lists it: never its secret.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, ApiKeyScope Scope, IReadOnlyList<string> OrganizationNames,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt);
