using System.Text.Json.Nodes;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// RFC 7644 §3.4.2.5 and §3.9: <c>attributes</c> returns only the named attributes, <c>excludedAttributes</c> drops
/// the named ones; <c>id</c>, <c>schemas</c> and <c>meta</c> are always returned. Names are case-insensitive and may
/// be sub-attributes (<c>name.givenName</c>, <c>emails.value</c>) or URN-qualified
/// (<c>urn:…:enterprise:2.0:User:employeeNumber</c>). Unknown names select nothing rather than fail. When both are
/// given, the excluded names are taken out of the selected ones.
/// </summary>
internal sealed class ScimAttributeSelection
{
    private static readonly string[] _alwaysReturned = ["id", "schemas", "meta"];

    private readonly IReadOnlyList<string>? _included;
    private readonly IReadOnlyList<string> _excluded;
    private readonly string _coreSchema;

    private ScimAttributeSelection(IReadOnlyList<string>? included, IReadOnlyList<string> excluded, string coreSchema) =>
        (_included, _excluded, _coreSchema) = (included, excluded, coreSchema);

    public static ScimAttributeSelection Parse(string? attributes, string? excludedAttributes, string coreSchema)
    {
        var included = Names(attributes);
        return new ScimAttributeSelection(included.Count == 0 ? null : included, Names(excludedAttributes), coreSchema);
    }

    public bool ReturnsAll => _included is null && _excluded.Count == 0;

    /// <summary>
    /// Whether a top-level attribute is returned at all, so its loading can be skipped when not (Groups'
    /// <c>excludedAttributes=members</c>, which Entra sends with every group lookup).
    /// </summary>
    public bool Returns(string attribute)
    {
        bool Names(string name) => Path(name) is [var top, ..] && top.Equals(attribute, StringComparison.OrdinalIgnoreCase);
        bool Whole(string name) => Path(name) is [var top] && top.Equals(attribute, StringComparison.OrdinalIgnoreCase);
        return (_included is null || _included.Any(Names)) && !_excluded.Any(Whole);
    }

    public JsonObject Apply(JsonObject resource)
    {
        if (ReturnsAll)
        {
            return resource;
        }

        var result = _included is null ? (JsonObject)resource.DeepClone() : Select(resource, [.. _included.Select(n => Resolve(resource, n))], top: true);
        foreach (var name in _excluded)
        {
            if (Resolve(resource, name) is [var first, ..] path && !IsAlwaysReturned(first))
            {
                Remove(result, path);
            }
        }

        return result;
    }

    private static List<string> Names(string? list) =>
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool IsAlwaysReturned(string name) => _alwaysReturned.Contains(name, StringComparer.OrdinalIgnoreCase);

    // A core attribute's path without its schema URN: "urn:…:core:2.0:User:name.givenName" -> [name, givenName].
    private string[] Path(string name) =>
        name.StartsWith(_coreSchema + ":", StringComparison.OrdinalIgnoreCase) ? name[(_coreSchema.Length + 1)..].Split('.') :
        name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) ? [name] : name.Split('.');

    // An extension attribute is [schema URN, attribute, sub-attribute]; "2.0" in the URN is not a sub-attribute.
    private string[] Resolve(JsonObject resource, string name)
    {
        var path = Path(name);
        if (path is not [var urn] || !urn.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) || Key(resource, urn) is not null)
        {
            return path;
        }

        var colon = urn.LastIndexOf(':');
        return [urn[..colon], .. urn[(colon + 1)..].Split('.')];
    }

    private static JsonObject Select(JsonObject source, IReadOnlyList<string[]> paths, bool top)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            var matching = paths.Where(p => p[0].Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
            if ((top && IsAlwaysReturned(key)) || matching.Any(p => p.Length == 1))
            {
                result[key] = value?.DeepClone();
            }
            else if (matching.Count > 0 && SelectChild(value, [.. matching.Select(p => p[1..])]) is { } child)
            {
                result[key] = child;
            }
        }

        return result;
    }

    // Sub-attributes of a complex attribute, or of each value of a multi-valued one (emails.value).
    private static JsonNode? SelectChild(JsonNode? value, IReadOnlyList<string[]> paths) => value switch
    {
        JsonObject obj => Select(obj, paths, top: false),
        JsonArray array => new JsonArray([.. array.OfType<JsonObject>().Select(item => (JsonNode)Select(item, paths, top: false))]),
        _ => null,
    };

    private static void Remove(JsonNode? node, string[] path)
    {
        switch (node)
        {
            case JsonObject obj when Key(obj, path[0]) is { } key:
                if (path.Length == 1)
                {
                    obj.Remove(key);
                }
                else
                {
                    Remove(obj[key], path[1..]);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Remove(item, path);
                }

                break;
        }
    }

    private static string? Key(JsonObject obj, string name) => obj.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
}
