using System.Text.Json.Nodes;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// SCIM JSON as clients write it: attribute names are case-insensitive (RFC 7643 §2.1). Bodies and stored documents are
/// parsed with <see cref="NodeOptions"/>, so System.Text.Json itself matches names case-insensitively, nested objects
/// and objects attached to them included; these helpers are the thin names the SCIM code reads and writes through.
/// </summary>
public static class ScimJson
{
    public static JsonNodeOptions NodeOptions { get; } = new() { PropertyNameCaseInsensitive = true };

    /// <summary>A stored document (or any SCIM JSON text) as a case-insensitive object.</summary>
    public static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json, NodeOptions) as JsonObject ?? throw ScimException.InvalidSyntax("A SCIM resource must be a JSON object.");

    /// <summary>A new, empty object that matches names case-insensitively even before it is attached to a parent.</summary>
    public static JsonObject NewObject() => new(NodeOptions);

    public static JsonNode? Get(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var value) || IsCaseInsensitive(obj) ? value : Find(obj, name).Value;

    public static string? GetString(JsonObject obj, string name) => Get(obj, name) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>Entra sends "True"/"False" as strings; Okta sends booleans. Both, in any case.</summary>
    public static bool? GetBool(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out var parsed) => parsed,
        _ => throw ScimException.InvalidValue("'active' must be true or false."),
    };

    public static void Set(JsonObject obj, string name, JsonNode? value)
    {
        // An object built in code without NodeOptions still gets one entry per name, whatever its case.
        var existing = IsCaseInsensitive(obj) ? null : Find(obj, name).Key;
        if (existing is not null && existing != name)
        {
            obj.Remove(existing);
        }

        if (value is null)
        {
            obj.Remove(name);
        }
        else
        {
            obj[existing ?? name] = value;
        }
    }

    public static void Remove(JsonObject obj, string name) => Set(obj, name, null);

    public static JsonObject Object(JsonObject parent, string name)
    {
        if (Get(parent, name) is JsonObject child)
        {
            return child;
        }

        var created = NewObject();
        Set(parent, name, created);
        return created;
    }

    private static bool IsCaseInsensitive(JsonObject obj) => obj.Options?.PropertyNameCaseInsensitive == true;

    private static KeyValuePair<string, JsonNode?> Find(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
}
