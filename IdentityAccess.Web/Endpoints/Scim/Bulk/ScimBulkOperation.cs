using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim.Bulk;

/// <summary>
/// One operation of a BulkRequest as sent (RFC 7644 §3.7): method, path, bulkId, version, data, and the bulkIds it
/// refers to (<c>"bulkId:qwerty"</c> in its path or anywhere in its data), which must be created first.
/// </summary>
internal sealed class ScimBulkOperation
{
    public const string ReferencePrefix = "bulkId:";

    private ScimBulkOperation(int index, JsonObject raw)
    {
        Index = index;
        Method = (Text(raw, "method") ?? "").ToUpperInvariant();
        Path = Text(raw, "path") ?? "";
        BulkId = Text(raw, "bulkId");
        Version = Text(raw, "version");
        Data = Get(raw, "data") as JsonObject;
        References = [.. Strings(Path).Concat(Data is null ? [] : Strings(Data)).Distinct(StringComparer.Ordinal)];
    }

    public int Index { get; }

    public string Method { get; }

    public string Path { get; }

    public string? BulkId { get; }

    public string? Version { get; }

    public JsonObject? Data { get; }

    public IReadOnlyList<string> References { get; }

    public static ScimBulkOperation Parse(int index, JsonNode? node) => new(index, node as JsonObject ?? []);

    /// <summary>The write this operation asks for, its bulkId references replaced by the ids of the resources they created.</summary>
    public ScimWrite ToWrite(IReadOnlyDictionary<string, string> created)
    {
        if (Method is not ("POST" or "PUT" or "PATCH" or "DELETE"))
        {
            throw ScimException.InvalidSyntax($"Operation method '{Method}' is not one of POST, PUT, PATCH, DELETE.");
        }

        var segments = Resolve(Path, created).Trim('/').Split('/');
        var kind = segments[0] switch
        {
            var s when s.Equals("Users", StringComparison.OrdinalIgnoreCase) => ScimResourceKind.User,
            var s when s.Equals("Groups", StringComparison.OrdinalIgnoreCase) => ScimResourceKind.Group,
            _ => throw ScimException.InvalidPath($"Operation path '{Path}' is neither /Users nor /Groups."),
        };
        var id = (Method, segments) switch
        {
            ("POST", [_]) => (Guid?)null,
            ("POST", _) => throw ScimException.InvalidPath($"POST goes to {ScimWrite.Endpoint(kind)}, not '{Path}'."),
            (_, [_, var resource]) => ScimRequest.ResourceId(resource),
            _ => throw ScimException.InvalidPath($"{Method} needs a resource path such as {ScimWrite.Endpoint(kind)}/{{id}}, not '{Path}'."),
        };
        if (Method == "POST" && string.IsNullOrEmpty(BulkId))
        {
            throw ScimException.InvalidSyntax("A POST operation needs a bulkId (RFC 7644 §3.7).");
        }

        if (Method == "DELETE")
        {
            return new ScimWrite(Method, kind, id, null, Version);
        }

        var data = Data?.DeepClone() as JsonObject ?? throw ScimException.InvalidSyntax($"A {Method} operation needs a data object.");
        Substitute(data, created);
        return new ScimWrite(Method, kind, id, data, Version);
    }

    /// <summary>The path with its references resolved as far as they are, for the provisioning log.</summary>
    public string LoggedPath(IReadOnlyDictionary<string, string> created) => Resolve(Path, created) is var path && path.StartsWith('/') ? path : "/" + path;

    private static string Resolve(string text, IReadOnlyDictionary<string, string> created)
    {
        foreach (var reference in Strings(text))
        {
            if (created.TryGetValue(reference, out var id))
            {
                text = text.Replace(ReferencePrefix + reference, id, StringComparison.Ordinal);
            }
        }

        return text;
    }

    // Replaces "bulkId:<id>" strings in place (the document is this operation's own copy).
    private static void Substitute(JsonNode node, IReadOnlyDictionary<string, string> created)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (Replacement(child, created) is { } id)
                    {
                        obj[key] = id;
                    }
                    else if (child is not null)
                    {
                        Substitute(child, created);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replacement(array[i], created) is { } id)
                    {
                        array[i] = id;
                    }
                    else if (array[i] is { } child)
                    {
                        Substitute(child, created);
                    }
                }

                break;
        }
    }

    private static JsonValue? Replacement(JsonNode? node, IReadOnlyDictionary<string, string> created) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith(ReferencePrefix, StringComparison.Ordinal)
        && created.TryGetValue(text[ReferencePrefix.Length..], out var id) ? JsonValue.Create(id) : null;

    // The bulkIds a path ("/Groups/bulkId:qwerty") or a document refers to.
    private static IEnumerable<string> Strings(string path) =>
        path.Split('/').Where(s => s.StartsWith(ReferencePrefix, StringComparison.Ordinal)).Select(s => s[ReferencePrefix.Length..]);

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Strings(p.Value)),
        JsonArray array => array.SelectMany(item => item is null ? [] : Strings(item)),
        JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith(ReferencePrefix, StringComparison.Ordinal) => [text[ReferencePrefix.Length..]],
        _ => [],
    };

    private static JsonNode? Get(JsonObject obj, string name) => obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonObject obj, string name) => Get(obj, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
