namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>
/// Group names looked up in the parent's SCIM directory, by <see cref="GroupNameMatching"/>: one group is its id, none
/// is unknown, several are ambiguous. Pure: the caller loads the directory's groups.
/// </summary>
public sealed class DirectoryGroupNames
{
    private readonly ILookup<string, (string Key, string Name)> _byName;

    /// <param name="groups">The directory's groups as (immutable key, display name).</param>
    public DirectoryGroupNames(IEnumerable<(string Key, string Name)> groups) =>
        _byName = groups.ToLookup(g => GroupNameMatching.Normalize(g.Name), StringComparer.Ordinal);

    public SamlGroupMatch Match(string sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (GroupNameMatching.Unusable(sent) is not null)
        {
            return new SamlGroupMatch(sent, SamlGroupMatchKind.Unusable, null, null);
        }

        var found = _byName[GroupNameMatching.Normalize(sent)].ToList();
        return found.Count switch
        {
            0 => new SamlGroupMatch(sent, SamlGroupMatchKind.Unknown, null, null),
            1 => new SamlGroupMatch(sent, SamlGroupMatchKind.Directory, found[0].Key, found[0].Name),
            _ => new SamlGroupMatch(sent, SamlGroupMatchKind.Ambiguous, null, null, [.. found.OrderBy(g => g.Key, StringComparer.Ordinal)]),
        };
    }
}
