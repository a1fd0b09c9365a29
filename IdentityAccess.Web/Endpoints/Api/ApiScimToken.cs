using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>An active SCIM token, never its secret.</summary>
internal sealed record ApiScimToken(Guid Id, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt)
{
    public static ApiScimToken From(ScimTokenInfo token) => new(token.Id, token.Prefix, token.CreatedAt, token.CreatedBy, token.LastUsedAt);
}

/// <summary>A token just generated: the only answer that holds its secret.</summary>
internal sealed record ApiGeneratedScimToken(Guid Id, string Prefix, string Secret, DateTimeOffset CreatedAt);
