namespace IdentityAccess.Core.Saml;

/// <summary>
/// The person a validated assertion describes. The JIT key is (<see cref="IdpEntityId"/>, <see cref="Subject"/>);
/// never the email. Recompute roles from <see cref="Groups"/> at every login. <see cref="Groups"/> holds the values the
/// assertion carried; when the IdP sends group names they are resolved to stable keys before anything maps them.
/// </summary>
/// <param name="GroupsOverage">
/// The IdP left the groups out because there were too many (Entra: over 150) and sent only a link to fetch them.
/// <see cref="Groups"/> is then incomplete: give the lowest role and warn the admin, never a role from a partial list.
/// </param>
public sealed record SamlIdentity(
    string IdpEntityId,
    string Subject,
    string? Email,
    string? DisplayName,
    IReadOnlyList<string> Groups,
    bool GroupsOverage)
{
    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }
}
