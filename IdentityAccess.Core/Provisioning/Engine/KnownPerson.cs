namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// Everything the rules need about one person: their membership here (if any), what the directory says, and the
/// groups they are known to be in. <see cref="PersonId"/> is null for a directory user not yet linked to a person.
/// </summary>
public sealed record KnownPerson(
    Guid? PersonId,
    Guid? DirectoryUserId,
    string Email,
    string DisplayName,
    DirectoryPresence Directory,
    GroupKnowledge GroupsFrom,
    IReadOnlyCollection<string> GroupKeys,
    DateTimeOffset? AssignedAt,
    CurrentMembership? Membership)
{
    /// <summary>True when this evaluation is the person signing in through SAML right now (JIT).</summary>
    public bool SigningIn { get; init; }

    /// <summary>
    /// The groups are known to be incomplete (Entra's group overage at the last sign-in): no role may be derived
    /// from them, so JIT with mappings grants the lowest role and warns the admin (SAML-SP.md).
    /// </summary>
    public bool GroupsIncomplete { get; init; }

    /// <summary>When the IdP deactivated them (<see cref="DirectoryPresence.Deactivated"/>); null when unknown or active.</summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    /// <summary>Stable identity for ordering and lookups, whether or not a person exists yet.</summary>
    public Guid Key => PersonId ?? DirectoryUserId ?? Guid.Empty;
}
