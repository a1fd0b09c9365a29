using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Applies a User PatchOp (RFC 7644 §3.5.2) to the stored SCIM document, in the shapes Entra and Okta send:
/// capitalised ops, path-less value objects with dotted and URN keys, filtered paths that create the entry, the
/// manager as a string, "False" strings. It works on a copy: a failing operation leaves nothing applied.
/// </summary>
internal static partial class ScimPatch
{
    public static JsonObject Apply(JsonObject document, JsonObject patch)
    {
        if (ScimJson.Get(patch, "Operations") is not JsonArray operations || operations.Count == 0)
        {
            throw ScimException.InvalidSyntax("A PatchOp needs an Operations array.");
        }

        var result = (JsonObject)document.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw ScimException.InvalidSyntax("Each operation must be an object.");
            }

            var kind = ScimJson.GetString(op, "op")?.Trim().ToLowerInvariant();
            var path = ScimJson.GetString(op, "path");
            var value = ScimJson.Get(op, "value")?.DeepClone();
            switch (kind)
            {
                case "add" or "replace" when string.IsNullOrEmpty(path):
                    if (value is not JsonObject values)
                    {
                        throw ScimException.InvalidSyntax("An operation without a path needs an object value.");
                    }

                    foreach (var (key, item) in values.ToList())
                    {
                        if (!key.Equals("id", StringComparison.OrdinalIgnoreCase)) // Entra may send the id; it never changes
                        {
                            SetPath(result, key, item?.DeepClone());
                        }
                    }

                    break;
                case "add" or "replace":
                    SetPath(result, path!, value);
                    break;
                case "remove" when !string.IsNullOrEmpty(path):
                    RemovePath(result, path);
                    break;
                case "remove":
                    throw ScimException.InvalidPath("remove needs a path.");
                default:
                    throw ScimException.InvalidSyntax($"Unknown op '{ScimJson.GetString(op, "op")}'. Use add, replace or remove.");
            }
        }

        return result;
    }

    private static void SetPath(JsonObject document, string path, JsonNode? value)
    {
        var (target, attribute, filterType, subAttribute) = Resolve(document, path);
        if (filterType is not null)
        {
            var entry = TypedEntry(target, attribute, filterType, create: true)!;
            ScimJson.Set(entry, subAttribute ?? "value", value);
            return;
        }

        if (subAttribute is not null)
        {
            ScimJson.Set(ScimJson.Object(target, attribute), subAttribute, value);
            return;
        }

        value = attribute.ToLowerInvariant() switch
        {
            "active" => JsonValue.Create(ScimJson.GetBool(value) ?? true),
            // Entra sends the manager as a bare id; "" clears it.
            "manager" when value is JsonValue v && v.TryGetValue<string>(out var id) => id.Length == 0 ? null : new JsonObject { ["value"] = id },
            _ => value,
        };
        ScimJson.Set(target, attribute, value);
    }

    private static void RemovePath(JsonObject document, string path)
    {
        var (target, attribute, filterType, subAttribute) = Resolve(document, path);
        if (filterType is not null)
        {
            if (ScimJson.Get(target, attribute) is JsonArray entries && TypedEntry(target, attribute, filterType, create: false) is { } entry)
            {
                if (subAttribute is null)
                {
                    entries.Remove(entry);
                }
                else
                {
                    ScimJson.Remove(entry, subAttribute);
                }
            }

            return;
        }

        if (subAttribute is not null)
        {
            if (ScimJson.Get(target, attribute) is JsonObject parent)
            {
                ScimJson.Remove(parent, subAttribute);
            }

            return;
        }

        ScimJson.Remove(target, attribute);
    }

    // "urn:…:enterprise:2.0:User:manager", "name.givenName", "emails[type eq \"work\"].value".
    private static (JsonObject Target, string Attribute, string? FilterType, string? SubAttribute) Resolve(JsonObject document, string path)
    {
        var target = document;
        if (path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var split = path.LastIndexOf(':');
            var urn = path[..split];
            path = path[(split + 1)..];
            if (!urn.Equals(ScimSchemas.User, StringComparison.OrdinalIgnoreCase))
            {
                target = ScimJson.Object(document, urn);
            }
        }

        var match = PathPattern().Match(path);
        if (!match.Success)
        {
            throw ScimException.InvalidPath($"Unsupported path '{path}'.");
        }

        return (target, match.Groups["attr"].Value, match.Groups["type"].Success ? match.Groups["type"].Value : null,
            match.Groups["sub"].Success ? match.Groups["sub"].Value : null);
    }

    private static JsonObject? TypedEntry(JsonObject target, string attribute, string type, bool create)
    {
        if (ScimJson.Get(target, attribute) is not JsonArray entries)
        {
            if (!create)
            {
                return null;
            }

            entries = [];
            ScimJson.Set(target, attribute, entries);
        }

        var entry = entries.OfType<JsonObject>().FirstOrDefault(e => string.Equals(ScimJson.GetString(e, "type"), type, StringComparison.OrdinalIgnoreCase));
        if (entry is null && create)
        {
            entry = new JsonObject { ["type"] = type };
            entries.Add(entry);
        }

        return entry;
    }

    [GeneratedRegex("""^(?<attr>[A-Za-z][A-Za-z0-9_\-]*)(\[\s*type\s+eq\s+"(?<type>[^"]*)"\s*\])?(\.(?<sub>[A-Za-z][A-Za-z0-9_\-]*))?$""", RegexOptions.IgnoreCase)]
    private static partial Regex PathPattern();
}
