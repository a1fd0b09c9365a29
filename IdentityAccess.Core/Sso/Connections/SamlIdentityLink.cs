using IdentityAccess.Core.People;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// Who an IdP's subject is here. The key is (parent, IdP entityID, subject), never the email: emails change and
/// can be reassigned, the subject cannot.
/// </summary>
public sealed class SamlIdentityLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public required string IdpEntityId { get; init; }

    public required string Subject { get; init; }

    public Guid PersonId { get; init; }

    public Person? Person { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the person last signed in through this link; null until their first sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; private set; }

    /// <summary>
    /// The groups (immutable ids) their assertion carried at that sign-in: what JIT with group mappings decides
    /// by, and what previews use until the next sign-in.
    /// </summary>
    public List<string> LastSignInGroups { get; private set; } = [];

    /// <summary>The IdP sent too many groups to list (Entra's group overage), so the list above is incomplete.</summary>
    public bool LastSignInGroupsOverage { get; private set; }

    public void RecordSignIn(IEnumerable<string> groups, bool overage, DateTimeOffset at)
    {
        LastSignInAt = at;
        LastSignInGroups = [.. groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        LastSignInGroupsOverage = overage;
    }

    /// <summary>Two recorded group names turned out to be one group (a rename in the IdP): its last sign-in carried the kept key.</summary>
    public void ReplaceGroupKey(string merged, string kept) =>
        LastSignInGroups = [.. LastSignInGroups.Select(g => g == merged ? kept : g).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
