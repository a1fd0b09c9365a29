using IdentityAccess.Core.Api.Keys;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>An API key as the parent page lists it: never its secret nor its hash.</summary>
internal sealed record ApiKeyListing(Guid Id, string Name, string Prefix, string Scope, IReadOnlyList<string> Organizations, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyListing From(ApiKeyView key) =>
        new(key.Id, key.Name, key.Prefix, key.Scope.ToString(), key.OrganizationNames, key.CreatedBy, key.CreatedAt, key.ExpiresAt, key.LastUsedAt);
}
