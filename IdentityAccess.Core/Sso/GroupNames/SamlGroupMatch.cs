using IdentityAccess.Core.Saml;

namespace IdentityAccess.Core.Sso.GroupNames;

/// <summary>One value of the groups attribute, as sent, and what it resolved to.</summary>
/// <param name="Key">The mapping key; null when not resolved (ambiguous, unknown, unusable, or new in a preview that records nothing).</param>
/// <param name="Name">The group's name here: the directory's or the recorded one.</param>
/// <param name="Candidates">For an ambiguous name: the directory groups it matches, as (key, name).</param>
public sealed record SamlGroupMatch(string Sent, SamlGroupMatchKind Kind, string? Key, string? Name, IReadOnlyList<(string Key, string Name)>? Candidates = null)
{
    public bool IsResolved => Key is not null;

    /// <summary>For the audit log and the test sign-in, in words; the IdP's text quoted safely.</summary>
    public string Describe() => Kind switch
    {
        SamlGroupMatchKind.Id => $"{LogSafe.Quote(Sent)} (id)",
        SamlGroupMatchKind.Directory => $"{LogSafe.Quote(Sent)} → directory group {LogSafe.Quote(Name)} ({Key})",
        SamlGroupMatchKind.Recorded => $"{LogSafe.Quote(Sent)} → group seen at sign-in {LogSafe.Quote(Name)} ({LogSafe.Quote(Key)})",
        SamlGroupMatchKind.New => Key is null ? $"{LogSafe.Quote(Sent)}: new, recorded at its first real sign-in" : $"{LogSafe.Quote(Sent)}: new, recorded as {LogSafe.Quote(Key)}",
        SamlGroupMatchKind.Ambiguous => $"{LogSafe.Quote(Sent)}: ambiguous, matches the directory groups "
            + string.Join(", ", (Candidates ?? []).Select(c => $"{LogSafe.Quote(c.Name)} ({c.Key})")),
        SamlGroupMatchKind.Unknown => $"{LogSafe.Quote(Sent)}: no group of the directory has that name",
        SamlGroupMatchKind.Unusable => $"{LogSafe.Quote(Sent)}: not a usable group name",
    };
}
