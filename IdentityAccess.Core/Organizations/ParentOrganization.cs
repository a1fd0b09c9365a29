namespace IdentityAccess.Core.Organizations;

/// <summary>
/// Holds what the organizations joined to it share: verified domains, the SSO connection and the SCIM directory.
/// </summary>
public sealed class ParentOrganization
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Changed by the billing stand-in; a plan without directory sync pauses the directory (members are kept).</summary>
    public ParentPlan Plan { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<Organization> Organizations { get; init; } = [];
}
