using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// What makes the served OpenAPI document usable, checked with Microsoft.OpenApi (the reader and validator that ship with
/// Microsoft.AspNetCore.OpenApi) and by walking the JSON; and how two documents are compared whatever their key order.
/// </summary>
internal static class OpenApiDocumentCheck
{
    /// <summary>Every problem found, empty when there is none.</summary>
    public static List<string> Problems(string json)
    {
        var problems = new List<string>();
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");
        problems.AddRange(diagnostic?.Errors.Select(e => $"read: {e}") ?? []);
        if (document is null)
        {
            return [.. problems, "the document could not be read"];
        }

        if (diagnostic?.SpecificationVersion != OpenApiSpecVersion.OpenApi3_1)
        {
            problems.Add($"OpenAPI {diagnostic?.SpecificationVersion}, not 3.1");
        }

        problems.AddRange(document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(e => $"validate: {e}") ?? []);

        var root = JsonNode.Parse(json)!.AsObject();
        if (root["components"]?["securitySchemes"]?["ApiKey"]?["scheme"]?.GetValue<string>() != "bearer")
        {
            problems.Add("no bearer security scheme named ApiKey");
        }

        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                if (operation?["responses"] is not JsonObject { Count: > 0 } responses)
                {
                    problems.Add($"{where}: no responses");
                    continue;
                }

                if (operation["operationId"] is null || operation["summary"] is null || operation["tags"] is not JsonArray { Count: > 0 })
                {
                    problems.Add($"{where}: no operationId, summary or tag");
                }

                if (operation["security"] is not JsonArray { Count: > 0 })
                {
                    problems.Add($"{where}: no security requirement");
                }

                foreach (var status in new[] { "401", "403", "429" }.Where(s => responses[s] is null))
                {
                    problems.Add($"{where}: no {status} response");
                }
            }
        }

        foreach (var reference in References(root))
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal)
                || reference[2..].Split('/').Aggregate((JsonNode?)root, (node, part) => node?[part.Replace("~1", "/").Replace("~0", "~")]) is null)
            {
                problems.Add($"$ref {reference} does not resolve");
            }
        }

        return problems;
    }

    /// <summary>The document with every object's keys in order, so a comparison sees content, not the serializer's order.</summary>
    public static JsonNode? Normalized(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalized(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalized)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Up to <paramref name="max"/> JSON paths where two documents differ.</summary>
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$", int max = 10)
    {
        var found = new List<string>();
        Compare(expected, actual, path, found, max);
        return found;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> found, int max)
    {
        if (found.Count >= max)
        {
            return;
        }

        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        found.Add($"{path}.{key}: {(e.ContainsKey(key) ? "removed" : "added")}");
                    }
                    else
                    {
                        Compare(e[key], a[key], $"{path}.{key}", found, max);
                    }
                }

                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", found, max);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    found.Add($"{path}: {expected?.ToJsonString() ?? "null"} → {actual?.ToJsonString() ?? "null"}");
                }

                break;
        }
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };
}
