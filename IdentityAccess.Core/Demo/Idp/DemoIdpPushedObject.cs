namespace IdentityAccess.Core.Demo.Idp;

/// <summary>
/// What a SCIM push created or linked in one parent's directory, as Entra's provisioning service remembers it: the next
/// push finds people and groups removed from the demo directory here, and deprovisions them.
/// </summary>
public sealed class DemoIdpPushedObject
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public DemoIdpObjectKind Kind { get; init; }

    public required string ImmutableId { get; init; }

    /// <summary>The SCIM id the app gave the object.</summary>
    public required string ScimId { get; set; }
}
