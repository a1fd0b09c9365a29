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

    /// <summary>
    /// Days a user the IdP deactivated stays suspended (role, tier and memberships kept for a reactivation) before
    /// being removed, as the help article says of users removed from the IdP app. 0 removes at once.
    /// </summary>
    public int RemovalGraceDays { get; set; } = DefaultRemovalGraceDays;

    public const int DefaultRemovalGraceDays = 30;

    public const int MaxRemovalGraceDays = 90;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Set to a fresh random value by database triggers whenever the parent's verified domains, directory groups or
    /// sign-in groups change: with each organization's own stamp, what the SCIM writer's cached copy is checked against.
    /// </summary>
    public long ConfigurationStamp { get; set; }

    public List<Organization> Organizations { get; init; } = [];
}
