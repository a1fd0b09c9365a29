using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim.Filtering;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// The value a PATCH filter describes, for an add or replace that matches nothing: <c>emails[type eq "work"]</c> is
/// <c>{"type": "work"}</c>. Only a filter made of <c>eq</c> comparisons joined by <c>and</c> describes one; any other
/// (an <c>or</c>, a <c>co</c>) is a noTarget error.
/// </summary>
internal static class ScimPatchEntry
{
    public static JsonObject? From(ScimFilterNode filter)
    {
        var entry = new JsonObject();
        return Fill(entry, filter) ? entry : null;
    }

    private static bool Fill(JsonObject entry, ScimFilterNode node) => node switch
    {
        ScimAndNode and => Fill(entry, and.Left) && Fill(entry, and.Right),
        ScimCompareNode { Operator: ScimCompareOperator.Eq, Path: { Schema: null, SubAttribute: null } path } compare =>
            Put(entry, path.Attribute, compare.Value switch
            {
                string s => JsonValue.Create(s),
                bool b => JsonValue.Create(b),
                decimal d => JsonValue.Create(d),
                _ => null,
            }),
        _ => false,
    };

    private static bool Put(JsonObject entry, string name, JsonNode? value)
    {
        ScimJson.Set(entry, name, value);
        return value is not null;
    }
}
