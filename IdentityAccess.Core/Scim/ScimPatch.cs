using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim.Filtering;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Applies a User PatchOp (RFC 7644 §3.5.2) to the stored SCIM document: every path form (<c>title</c>,
/// <c>name.givenName</c>, <c>urn:…:enterprise:2.0:User:manager.value</c>, <c>emails[type eq "work"].value</c>,
/// <c>addresses[type eq "work" and primary eq true]</c>) and the shapes Entra and Okta send: capitalised ops, path-less
/// value objects with dotted and URN keys, an add or replace through a filter that matches nothing creates the entry
/// (Entra), the manager as a bare id, "False" strings. It works on a copy: a failing operation leaves nothing applied.
/// </summary>
internal static class ScimPatch
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
                case "add" or "replace" when string.IsNullOrWhiteSpace(path):
                    if (value is not JsonObject values)
                    {
                        throw ScimException.InvalidSyntax("An operation without a path needs an object value.");
                    }

                    foreach (var (key, item) in values.ToList())
                    {
                        if (!key.Equals("id", StringComparison.OrdinalIgnoreCase)) // Entra may send the id; it never changes
                        {
                            Set(result, key, item?.DeepClone(), kind == "add");
                        }
                    }

                    break;
                case "add" or "replace":
                    Set(result, path!, value, kind == "add");
                    break;
                case "remove" when !string.IsNullOrWhiteSpace(path):
                    Remove(result, path);
                    break;
                case "remove":
                    throw NoTarget("remove needs a path (RFC 7644 §3.5.2.2).");
                default:
                    throw ScimException.InvalidSyntax($"Unknown op '{ScimJson.GetString(op, "op")}'. Use add, replace or remove.");
            }
        }

        return result;
    }

    public static ScimException NoTarget(string detail) => new(400, "noTarget", detail);

    private static void Set(JsonObject document, string path, JsonNode? value, bool add)
    {
        if (Extension(document, path) is { } urn)
        {
            Merge(ScimJson.Object(document, urn), value as JsonObject ?? throw ScimException.InvalidValue($"'{path}' takes an object value."));
            return;
        }

        var (attribute, filter, sub) = ScimFilterParser.ParsePatchPath(path);
        var target = Target(document, attribute, create: true)!;
        if (filter is not null)
        {
            var entries = ScimJson.Get(target, attribute.Attribute) as JsonArray ?? [];
            ScimJson.Set(target, attribute.Attribute, entries);
            var matches = Matching(entries, filter);
            if (matches.Count == 0)
            {
                // Entra sends Add or Replace to emails[type eq "work"].value whether or not a work email exists yet.
                var created = ScimPatchEntry.From(filter) ?? throw NoTarget($"No value of '{attribute}' matches the filter in '{path}'.");
                entries.Add(created);
                matches = [created];
            }

            foreach (var entry in matches)
            {
                if (sub is not null)
                {
                    ScimJson.Set(entry, sub, value?.DeepClone());
                }
                else
                {
                    Merge(entry, value as JsonObject ?? throw ScimException.InvalidValue($"'{path}' selects whole values: give an object."));
                }
            }

            return;
        }

        if (attribute.SubAttribute is not null)
        {
            switch (ScimJson.Get(target, attribute.Attribute))
            {
                case JsonArray values: // emails.value: every value's sub-attribute
                    foreach (var entry in values.OfType<JsonObject>())
                    {
                        ScimJson.Set(entry, attribute.SubAttribute, value?.DeepClone());
                    }

                    break;
                default:
                    ScimJson.Set(ScimJson.Object(target, attribute.Attribute), attribute.SubAttribute, value);
                    break;
            }

            return;
        }

        value = attribute.Attribute.ToLowerInvariant() switch
        {
            "active" => JsonValue.Create(ScimJson.GetBool(value) ?? true),
            // Entra sends the manager as a bare id; "" clears it.
            "manager" when value is JsonValue v && v.TryGetValue<string>(out var id) => id.Length == 0 ? null : new JsonObject { ["value"] = id },
            _ => value,
        };
        switch (ScimJson.Get(target, attribute.Attribute), value)
        {
            case (JsonArray existing, JsonArray added) when add: // RFC 7644 §3.5.2.1: add to a multi-valued attribute appends
                foreach (var item in added.Where(item => !existing.Any(e => JsonNode.DeepEquals(e, item))).ToList())
                {
                    existing.Add(item?.DeepClone());
                }

                break;
            case (JsonObject existing, JsonObject given): // a complex attribute: the sub-attributes given, the others kept
                Merge(existing, given);
                break;
            default:
                ScimJson.Set(target, attribute.Attribute, value);
                break;
        }
    }

    private static void Remove(JsonObject document, string path)
    {
        if (Extension(document, path) is { } urn)
        {
            ScimJson.Remove(document, urn);
            return;
        }

        var (attribute, filter, sub) = ScimFilterParser.ParsePatchPath(path);
        var target = Target(document, attribute, create: false);
        if (filter is not null)
        {
            // RFC 7644 §3.5.2.2: a filter that matches nothing is an error, not a silent success.
            var entries = target is null ? null : ScimJson.Get(target, attribute.Attribute) as JsonArray;
            var matches = entries is null ? [] : Matching(entries, filter);
            if (matches.Count == 0)
            {
                throw NoTarget($"No value of '{attribute}' matches the filter in '{path}'.");
            }

            foreach (var entry in matches)
            {
                if (sub is null)
                {
                    entries!.Remove(entry);
                }
                else
                {
                    ScimJson.Remove(entry, sub);
                }
            }

            return;
        }

        if (target is null)
        {
            return;
        }

        if (attribute.SubAttribute is null)
        {
            ScimJson.Remove(target, attribute.Attribute);
            return;
        }

        var parent = ScimJson.Get(target, attribute.Attribute);
        foreach (var entry in parent is JsonArray values ? values.OfType<JsonObject>() : parent is JsonObject single ? [single] : [])
        {
            ScimJson.Remove(entry, attribute.SubAttribute);
        }
    }

    // The whole extension object: "urn:…:enterprise:2.0:User" as a path or as a key of a path-less value.
    private static string? Extension(JsonObject document, string path)
    {
        var trimmed = path.Trim();
        return trimmed.Equals(ScimSchemas.EnterpriseUser, StringComparison.OrdinalIgnoreCase)
            || (trimmed.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && ScimJson.Get(document, trimmed) is JsonObject)
            ? trimmed
            : null;
    }

    // The object holding the attribute: the document for the core schema, the extension's object for an extension URN.
    private static JsonObject? Target(JsonObject document, ScimAttributePath attribute, bool create) =>
        attribute.IsIn(ScimSchemas.User) ? document
        : create ? ScimJson.Object(document, attribute.Schema!)
        : ScimJson.Get(document, attribute.Schema!) as JsonObject;

    private static List<JsonObject> Matching(JsonArray entries, ScimFilterNode filter) =>
        [.. entries.OfType<JsonObject>().Where(entry => ScimFilterEvaluator.Matches(filter, entry))];

    private static void Merge(JsonObject target, JsonObject values)
    {
        foreach (var (key, item) in values.ToList())
        {
            ScimJson.Set(target, key, item?.DeepClone());
        }
    }
}
