namespace IdentityAccess.Core.Api.Keys;

/// <summary>What a parent admin asks for when creating a key; <paramref name="OrganizationIds"/> empty for all of the parent's.</summary>
public sealed record NewApiKey(string Name, ApiKeyScope Scope, IReadOnlyList<Guid> OrganizationIds, DateTimeOffset? ExpiresAt);
