using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// The part of RFC 7644 §3.4.2.2 that IdPs use: <c>attr eq "value"</c>, joined by <c>and</c>. Anything else is an
/// invalidFilter error rather than a guess (a wrong match could provision the wrong person).
/// </summary>
public sealed partial record ScimFilter(IReadOnlyList<(string Attribute, string Value)> Clauses)
{
    public static ScimFilter? Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var clauses = new List<(string, string)>();
        foreach (var clause in SplitOnAnd(filter.Trim()))
        {
            var match = Clause().Match(clause.Trim());
            if (!match.Success)
            {
                throw ScimException.InvalidFilter($"Unsupported filter '{filter}'. Use attribute eq \"value\", optionally joined with and.");
            }

            if (!match.Groups["op"].Value.Equals("eq", StringComparison.OrdinalIgnoreCase))
            {
                throw ScimException.InvalidFilter($"Only the eq operator is supported, not '{match.Groups["op"].Value}'.");
            }

            clauses.Add((Canonical(match.Groups["path"].Value), JsonSerializer.Deserialize<string>(match.Groups["value"].Value)!));
        }

        return new ScimFilter(clauses);
    }

    // emails[type eq "work"].value and emails.value both mean "the email" here.
    private static string Canonical(string path)
    {
        var lower = path.ToLowerInvariant();
        return lower.StartsWith("emails", StringComparison.Ordinal) ? "emails.value" : lower.Replace(ScimSchemas.User.ToLowerInvariant() + ":", "", StringComparison.Ordinal);
    }

    private static IEnumerable<string> SplitOnAnd(string filter)
    {
        var (start, inQuotes, depth) = (0, false, 0);
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (c == '"' && (i == 0 || filter[i - 1] != '\\'))
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '[')
            {
                depth++;
            }
            else if (!inQuotes && c == ']')
            {
                depth--;
            }
            else if (!inQuotes && depth == 0 && i + 5 <= filter.Length && string.Equals(filter.Substring(i, 5), " and ", StringComparison.OrdinalIgnoreCase))
            {
                yield return filter[start..i];
                start = i + 5;
                i += 4;
            }
        }

        yield return filter[start..];
    }

    [GeneratedRegex("""^(?<path>[A-Za-z0-9_:.\-]+(\[\s*type\s+eq\s+"[^"]*"\s*\])?(\.[A-Za-z]+)?)\s+(?<op>[A-Za-z]{2})\s+(?<value>"(?:[^"\\]|\\.)*")$""", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
