using System.Text;
using System.Text.Json.Nodes;

namespace IdentityAccess.Core.Scim.Input;

/// <summary>What a SCIM string may hold: readable UTF-16, and in identifying attributes no invisible or reordering characters.</summary>
public static class ScimInputText
{
    /// <summary>
    /// Reads every name and string of a parsed body once, so nothing later can throw on it: System.Text.Json parses
    /// lazily and only fails when a lone surrogate or invalid UTF-8 string is read, or when an object with an attribute
    /// given twice (case-insensitively) is first opened. Each becomes a 400 invalidSyntax here instead of a 500 later.
    /// </summary>
    public static void EnsureReadable(JsonNode? node)
    {
        try
        {
            Walk(node);
        }
        catch (InvalidOperationException)
        {
            throw ScimException.InvalidSyntax("The body holds text that is not valid UTF-8 or a lone UTF-16 surrogate (such as \"\\ud800\").");
        }
        catch (ArgumentException)
        {
            throw ScimException.InvalidSyntax("The body gives an attribute twice (attribute names are case-insensitive, RFC 7643 §2.1).");
        }
    }

    /// <summary>
    /// Refused in userName, emails, externalId and displayName (400 invalidValue naming the attribute): control
    /// characters (PostgreSQL cannot even store U+0000), zero-width characters and bidi overrides or isolates. Each lets
    /// two names that look the same be different identities ("ann@acme.test" and "ann\u200B@acme.test"), or makes one
    /// read differently than it is stored (U+202E reverses what follows).
    /// </summary>
    public static bool IsRefused(char c) => char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060'
        or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' or '\u180E' or '\u00AD' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text with no refused character and in Unicode Normalization Form C, or a 400 naming the attribute.</summary>
    public static string Clean(string attribute, string value, bool normalize)
    {
        var index = value.AsSpan().IndexOfAny(_refused);
        if (index >= 0)
        {
            throw ScimException.InvalidValue($"{attribute} holds an invisible, control or text-direction character (U+{(int)value[index]:X4} at position " +
                $"{index + 1}); such characters make look-alike names and are not accepted.");
        }

        return normalize && !value.IsNormalized(NormalizationForm.FormC) ? value.Normalize(NormalizationForm.FormC) : value;
    }

    private static readonly System.Buffers.SearchValues<char> _refused = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(IsRefused)]);

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Walk(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child);
                }

                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }
}
