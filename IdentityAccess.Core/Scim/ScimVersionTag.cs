namespace IdentityAccess.Core.Scim;

/// <summary>
/// meta.version as a weak entity tag (RFC 7644 §3.14, RFC 9110 §8.8.3): <c>W/"7"</c> for version 7. If-Match and
/// If-None-Match compare weakly: <c>W/"7"</c> and <c>"7"</c> both name version 7; <c>*</c> names any existing resource.
/// </summary>
public static class ScimVersionTag
{
    public static string Of(long version) => $"W/\"{version}\"";

    /// <summary>The versions a conditional header names, or null for <c>*</c> (any). A tag that is not one of ours names none.</summary>
    public static IReadOnlyList<long>? Versions(string header)
    {
        if (header.Trim() == "*")
        {
            return null;
        }

        var versions = new List<long>();
        foreach (var tag in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var opaque = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (opaque.Length >= 2 && opaque[0] == '"' && opaque[^1] == '"' && long.TryParse(opaque[1..^1], out var version))
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    public static bool Matches(string header, long version) => Versions(header) is not { } versions || versions.Contains(version);

    /// <summary>412 (RFC 7644 §3.14): the resource changed since the client read it. No scimType fits; the detail says what to do.</summary>
    public static ScimException PreconditionFailed(string resource, long current) =>
        new(412, null, $"The {resource} has changed: its current version is {Of(current)}, not the one If-Match names. Read it again, then retry.");
}
