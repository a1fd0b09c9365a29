namespace IdentityAccess.Core.Api.Keys;

/// <summary>
/// A key with which a program calls the management API (<c>/api/v1</c>) of one parent organization. It acts as the
/// parent admin who created it: every request re-reads that person's roles, so the key is worth no more than they are.
/// Only a hash of its secret is stored; the key itself (<c>ia_&lt;prefix&gt;_&lt;secret&gt;</c>) is shown once.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public required string Name { get; init; }

    /// <summary>Public and unique: finds the key, and tells keys apart in lists and logs.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the secret, hex. The secret is 256 random bits, so a fast hash is enough (no brute force).</summary>
    public required string Hash { get; init; }

    public ApiKeyScope Scope { get; init; }

    /// <summary>The organizations the key may reach; empty for every organization of the parent.</summary>
    public List<Guid> OrganizationIds { get; init; } = [];

    /// <summary>The parent admin the key acts as.</summary>
    public Guid CreatedByPersonId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
