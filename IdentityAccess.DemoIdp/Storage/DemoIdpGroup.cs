namespace IdentityAccess.DemoIdp.Storage;

/// <summary>A group in one tenant (domain) of the demo identity provider.</summary>
public sealed class DemoIdpGroup
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Sent in the SAML groups attribute and as the SCIM externalId: what group mappings key on.</summary>
    public required string ImmutableId { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>The tenant: only people of this email domain can be members, and a push sends it to the parent that verified the domain.</summary>
    public required string Domain { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<DemoIdpGroupMember> Members { get; init; } = [];
}
