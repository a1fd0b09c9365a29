namespace IdentityAccess.Core.DirectoryObjects;

/// <summary>A group as the identity provider knows it. Mappings refer to its immutable external id, so renames keep them.</summary>
public sealed class DirectoryGroup
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    /// <summary>The IdP's immutable group id (Entra object id, Okta group id).</summary>
    public required string ExternalId { get; set; }

    public required string DisplayName { get; set; }

    public string NormalizedDisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>SCIM meta.version (RFC 7644 §3.14): raised by every SCIM write to the group or its members.</summary>
    public long Version { get; set; } = 1;
}
