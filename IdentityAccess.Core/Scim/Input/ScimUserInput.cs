using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.People;
using static IdentityAccess.Core.Scim.Input.ScimInputRules;

namespace IdentityAccess.Core.Scim.Input;

/// <summary>
/// <see cref="ScimInputRules"/> applied to a User document about to be stored: it refuses what breaks a rule and
/// writes userName and emails[].value back trimmed and in NFC, so stored and compared forms are one.
/// </summary>
internal static class ScimUserInput
{
    // RFC 7643 §4.1.1 and §4.1.2: the singular strings and the multi-valued (complex) attributes of the User schema.
    private static readonly string[] _schemaStrings = ["nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "profileUrl"];
    private static readonly string[] _nameParts = ["formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"];
    private static readonly string[] _multiValued = ["emails", "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates"];

    public static void Check(JsonObject user)
    {
        var userName = String(user, "userName", "userName", UserNameMaxLength, identifying: true)?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            throw ScimException.InvalidValue("userName is required and must not be blank.");
        }

        ScimJson.Set(user, "userName", ScimInputText.Clean("userName", userName, normalize: true));
        if (String(user, "externalId", "externalId", ExternalIdMaxLength, identifying: true) is { } externalId && string.IsNullOrWhiteSpace(externalId))
        {
            ScimJson.Remove(user, "externalId"); // blank is no externalId: it must not collide with every other blank one
        }

        String(user, "displayName", "displayName", UserDisplayNameMaxLength, identifying: true);
        foreach (var attribute in _schemaStrings)
        {
            String(user, attribute, attribute, AttributeMaxLength, identifying: false);
        }

        if (Complex(user, "name", "name") is { } name)
        {
            foreach (var part in _nameParts)
            {
                String(name, part, $"name.{part}", AttributeMaxLength, identifying: true);
            }
        }

        foreach (var attribute in _multiValued)
        {
            if (ScimJson.Get(user, attribute) is JsonArray { Count: > MultiValuedMaxEntries })
            {
                throw ScimException.InvalidValue($"{attribute} has more than {MultiValuedMaxEntries} entries.");
            }

            foreach (var (entry, index) in Entries(user, attribute).Select((e, i) => (e, i)))
            {
                String(entry, "type", $"{attribute}[{index}].type", AttributeMaxLength, identifying: false);
                if (ScimJson.Get(entry, "primary") is { } primary && !IsBoolean(primary))
                {
                    throw ScimException.InvalidValue($"{attribute}[{index}].primary must be true or false.");
                }
            }
        }

        foreach (var (email, index) in Entries(user, "emails").Select((e, i) => (e, i)))
        {
            CheckEmail(email, $"emails[{index}].value");
        }

        ScimJson.GetBool(ScimJson.Get(user, "active"));
        CheckOtherStrings(user, "");
        if (user.ToJsonString().Length > UserDocumentMaxLength)
        {
            throw ScimException.InvalidValue($"The user resource is larger than {UserDocumentMaxLength / 1024} KiB of JSON.");
        }
    }

    /// <summary>A display name made from name parts must fit where the displayName goes.</summary>
    public static string? CheckDerivedDisplayName(string? displayName) =>
        displayName is { Length: > UserDisplayNameMaxLength }
            ? throw ScimException.InvalidValue($"name (given and family name together, used as the display name) is longer than {UserDisplayNameMaxLength} characters.")
            : displayName;

    private static void CheckEmail(JsonObject email, string attribute)
    {
        var value = String(email, "value", attribute, EmailMaxLength, identifying: true)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw ScimException.InvalidValue($"{attribute} is required in each email and must not be blank.");
        }

        var cleaned = ScimInputText.Clean(attribute, value, normalize: true);
        if (EmailAddress.DomainIfWellFormed(cleaned) is null)
        {
            throw ScimException.InvalidValue($"{attribute} '{cleaned}' is not a well-formed email address (one '@', a local part and a domain).");
        }

        ScimJson.Set(email, "value", cleaned);
    }

    // A string attribute, or null when absent or JSON null; a wrong type or a long value names the attribute.
    private static string? String(JsonObject obj, string name, string attribute, int maxLength, bool identifying)
    {
        switch (ScimJson.Get(obj, name))
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                if (text.Length > maxLength)
                {
                    throw ScimException.InvalidValue($"{attribute} is longer than {maxLength} characters ({text.Length}).");
                }

                return identifying ? ScimInputText.Clean(attribute, text, normalize: false) : text;
            case var other:
                throw ScimException.InvalidValue($"{attribute} must be a string, not {Kind(other)}.");
        }
    }

    private static JsonObject? Complex(JsonObject obj, string name, string attribute) => ScimJson.Get(obj, name) switch
    {
        null => null,
        JsonObject complex => complex,
        var other => throw ScimException.InvalidValue($"{attribute} must be an object, not {Kind(other)}."),
    };

    private static IEnumerable<JsonObject> Entries(JsonObject user, string attribute) => ScimJson.Get(user, attribute) switch
    {
        null => [],
        JsonArray array => array.Select((e, i) => e as JsonObject ?? throw ScimException.InvalidValue($"{attribute}[{i}] must be an object, not {Kind(e)}.")),
        var other => throw ScimException.InvalidValue($"{attribute} must be an array, not {Kind(other)}."),
    };

    // Extension attributes and the rest: kept as sent, each string bounded.
    private static void CheckOtherStrings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    CheckOtherStrings(child, path.Length == 0 ? key : $"{path}.{key}");
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckOtherStrings(array[i], $"{path}[{i}]");
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > OtherStringMaxLength:
                throw ScimException.InvalidValue($"{path} is longer than {OtherStringMaxLength} characters.");
        }
    }

    // Like "active", a flag may come as a boolean or as Entra's "True"/"False" string.
    private static bool IsBoolean(JsonNode node) => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        || (node.GetValueKind() == JsonValueKind.String && bool.TryParse(node.GetValue<string>().Trim(), out _));

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "a string",
    };
}
