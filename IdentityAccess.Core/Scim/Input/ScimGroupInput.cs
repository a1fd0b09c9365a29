using System.Text.Json;
using System.Text.Json.Nodes;
using static IdentityAccess.Core.Scim.Input.ScimInputRules;

namespace IdentityAccess.Core.Scim.Input;

/// <summary><see cref="ScimInputRules"/> applied to a Group: its displayName, its externalId and how many members one request names.</summary>
internal static class ScimGroupInput
{
    /// <summary>Required, a string, not blank, at most 256 characters, nothing invisible; trimmed.</summary>
    public static string DisplayName(JsonNode? value)
    {
        if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
        {
            throw ScimException.InvalidValue($"displayName is required and must be a string (at most {GroupDisplayNameMaxLength} characters).");
        }

        var name = text.GetValue<string>().Trim();
        return name.Length switch
        {
            0 => throw ScimException.InvalidValue("displayName is required and must not be blank."),
            > GroupDisplayNameMaxLength => throw ScimException.InvalidValue($"displayName is longer than {GroupDisplayNameMaxLength} characters ({name.Length})."),
            _ => ScimInputText.Clean("displayName", name, normalize: false),
        };
    }

    /// <summary>The group's externalId, or null when absent, null or blank.</summary>
    public static string? ExternalId(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                var id = text.GetValue<string>().Trim();
                if (id.Length > ExternalIdMaxLength)
                {
                    throw ScimException.InvalidValue($"externalId is longer than {ExternalIdMaxLength} characters ({id.Length}).");
                }

                return id.Length == 0 ? null : ScimInputText.Clean("externalId", id, normalize: false);
            default:
                throw ScimException.InvalidValue("externalId must be a string.");
        }
    }

    /// <summary>
    /// 413 when one request names more members than <see cref="ScimInputOptions.MaxMembersPerRequest"/>: members of a
    /// POST or PUT, or every entry in the values of a PATCH's operations (path-less ones' members included).
    /// </summary>
    public static void EnsureMemberCount(JsonObject body, int max)
    {
        var count = Count(ScimJson.Get(body, "members"));
        if (ScimJson.Get(body, "Operations") is JsonArray operations)
        {
            foreach (var operation in operations.OfType<JsonObject>())
            {
                var value = ScimJson.Get(operation, "value");
                count += value is JsonObject values ? Count(ScimJson.Get(values, "members")) : Count(value);
            }
        }

        if (count > max)
        {
            // 413 like an over-limit body: the client must split what it sends, not change a value.
            throw new ScimException(413, null, $"The request names {count} group members; at most {max} are accepted in one request. " +
                "Send the members in several PATCH requests.");
        }
    }

    private static int Count(JsonNode? value) => value is JsonArray array ? array.Count : 0;
}
