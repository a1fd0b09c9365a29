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

    /// <summary>Stable identity for ordering and lookups, whether or not a person exists yet.</summary>
    public Guid Key => PersonId ?? DirectoryUserId ?? Guid.Empty;
}
