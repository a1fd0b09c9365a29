namespace IdentityAccess.DemoIdp.Storage;

/// <summary>
/// What a SCIM push created or linked in one parent's directory, as Entra's provisioning service remembers it: the next
/// push finds people and groups removed from the demo directory here, and deprovisions them.
/// </summary>
public sealed class DemoIdpPushedObject
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The parent organization pushed to: an id in the app's database, which this one cannot reference.</summary>
    public Guid ParentOrganizationId { get; init; }

    public DemoIdpObjectKind Kind { get; init; }

    public required string ImmutableId { get; init; }

    /// <summary>The SCIM id the app gave the object.</summary>
    public required string ScimId { get; set; }
}
