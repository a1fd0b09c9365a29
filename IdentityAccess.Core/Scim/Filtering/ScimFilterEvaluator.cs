using System.Text.Json.Nodes;

namespace IdentityAccess.Core.Scim.Filtering;

/// <summary>
/// Evaluates a filter against a JSON object in memory: the values of a multi-valued attribute a PATCH path selects
/// (<c>emails[type eq "work"]</c>, <c>members[value eq "…"]</c>). Strings compare case-insensitively, as the
/// sub-attributes PATCH filters name (type, value, display) are caseExact=false or ids; a multi-valued attribute
/// matches when one of its values does (RFC 7644 §3.4.2.2).
/// </summary>
internal static class ScimFilterEvaluator
{
    public static bool Matches(ScimFilterNode node, JsonObject item) => node switch
    {
        ScimAndNode and => Matches(and.Left, item) && Matches(and.Right, item),
        ScimOrNode or => Matches(or.Left, item) || Matches(or.Right, item),
        ScimNotNode not => !Matches(not.Inner, item),
        ScimPresentNode present => Values(item, present.Path).Any(v => v is not null && !(v is JsonValue s && s.TryGetValue<string>(out var text) && text.Length == 0)),
        ScimCompareNode compare => Values(item, compare.Path).Any(v => Compare(v, compare.Operator, compare.Value)),
        ScimValuePathNode valuePath => Values(item, valuePath.Path).OfType<JsonObject>().Any(v => Matches(valuePath.Filter, v)),
        _ => throw new InvalidOperationException($"Unknown filter node {node.GetType().Name}."),
    };

    private static IEnumerable<JsonNode?> Values(JsonObject item, ScimAttributePath path)
    {
        var value = ScimJson.Get(item, path.Attribute);
        var values = value is JsonArray array ? [.. array] : new List<JsonNode?> { value };
        return path.SubAttribute is null ? values : values.OfType<JsonObject>().Select(v => ScimJson.Get(v, path.SubAttribute));
    }

    private static bool Compare(JsonNode? actual, ScimCompareOperator op, object? expected)
    {
        if (expected is null || actual is null)
        {
            var bothNull = expected is null && actual is null;
            return op switch
            {
                ScimCompareOperator.Eq => bothNull,
                ScimCompareOperator.Ne => !bothNull,
                _ => false,
            };
        }

        if (actual is not JsonValue value)
        {
            return false;
        }

        int? order = expected switch
        {
            string text when value.TryGetValue<string>(out var s) => string.Compare(s, text, StringComparison.OrdinalIgnoreCase),
            string text when ScimBool(value) is { } b && bool.TryParse(text, out var named) => b == named ? 0 : null,
            bool flag when ScimBool(value) is { } b => b == flag ? 0 : null,
            decimal number when value.TryGetValue<decimal>(out var d) => d.CompareTo(number),
            _ => null,
        };
        var actualText = value.TryGetValue<string>(out var str) ? str : null;
        return op switch
        {
            ScimCompareOperator.Eq => order == 0,
            ScimCompareOperator.Ne => order != 0,
            ScimCompareOperator.Co => actualText is not null && expected is string c && actualText.Contains(c, StringComparison.OrdinalIgnoreCase),
            ScimCompareOperator.Sw => actualText is not null && expected is string p && actualText.StartsWith(p, StringComparison.OrdinalIgnoreCase),
            ScimCompareOperator.Ew => actualText is not null && expected is string e && actualText.EndsWith(e, StringComparison.OrdinalIgnoreCase),
            ScimCompareOperator.Gt => expected is not bool && order > 0,
            ScimCompareOperator.Ge => expected is not bool && order >= 0,
            ScimCompareOperator.Lt => expected is not bool && order < 0,
            ScimCompareOperator.Le => expected is not bool && order <= 0,
        };
    }

    // Entra writes booleans as "True"/"False" strings.
    private static bool? ScimBool(JsonValue value) =>
        value.TryGetValue<bool>(out var b) ? b : value.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out var parsed) ? parsed : null;
}
