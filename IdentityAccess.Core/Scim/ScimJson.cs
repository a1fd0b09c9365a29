using System.Text.Json.Nodes;

namespace IdentityAccess.Core.Scim;

/// <summary>Reading SCIM JSON the way clients write it: attribute names are case-insensitive (RFC 7643 §2.1).</summary>
internal static class ScimJson
{
    public static JsonNode? Get(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

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
        var existing = obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Key;
        if (existing is not null)
        {
            obj.Remove(existing);
        }

        if (value is not null)
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

        var created = new JsonObject();
        Set(parent, name, created);
        return created;
    }
}
