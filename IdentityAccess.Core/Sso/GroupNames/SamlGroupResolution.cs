namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>What a sign-in's groups attribute resolved to, value by value.</summary>
public sealed record SamlGroupResolution(IReadOnlyList<SamlGroupMatch> Matches)
{
    /// <summary>The mapping keys: what group mappings decide by.</summary>
    public IReadOnlyList<string> Keys { get; } = [.. Matches.Where(m => m.IsResolved).Select(m => m.Key!).Distinct(StringComparer.Ordinal)];

    /// <summary>Values that gave no group (ambiguous, unknown, unusable), to report.</summary>
    public IReadOnlyList<SamlGroupMatch> Unresolved { get; } =
        [.. Matches.Where(m => m.Kind is SamlGroupMatchKind.Ambiguous or SamlGroupMatchKind.Unknown or SamlGroupMatchKind.Unusable)];
}
