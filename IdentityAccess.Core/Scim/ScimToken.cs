namespace IdentityAccess.Core.Scim;

/// <summary>
/// A bearer token that lets an IdP write to one parent organization's directory. Only a hash is stored; the
/// token itself is shown once, when generated.
/// </summary>
public sealed class ScimToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    /// <summary>SHA-256 of the token, hex. Tokens are 256 random bits, so a fast hash is enough (no brute force).</summary>
    public required string Hash { get; init; }

    /// <summary>The first characters, shown so an owner can tell tokens apart.</summary>
    public required string Prefix { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
