using System.Globalization;
using System.Text.Json.Nodes;
using IdentityAccess.Core.DirectoryObjects;

namespace IdentityAccess.Core.Scim;

/// <summary>Renders a directory group as a SCIM Group resource.</summary>
internal static class ScimGroupDocument
{
    /// <summary>
    /// The group's key for mappings: the IdP's externalId when it sends one (Entra: the object id, the same value its
    /// SAML groups claim carries), otherwise the SCIM id we assigned. Either way it survives renames.
    /// </summary>
    public static string KeyFor(string? externalId, Guid id) => string.IsNullOrWhiteSpace(externalId) ? id.ToString() : externalId.Trim();

    public static JsonObject Render(DirectoryGroup group, IReadOnlyList<(Guid Id, string? Display)>? members, string baseUrl)
    {
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Group),
            ["id"] = group.Id.ToString(),
            ["displayName"] = group.DisplayName,
        };
        if (group.ExternalId != group.Id.ToString())
        {
            resource["externalId"] = group.ExternalId;
        }

        if (members is not null)
        {
            resource["members"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = m.Id.ToString(),
                ["display"] = m.Display,
                ["$ref"] = $"{baseUrl}/Users/{m.Id}",
            })]);
        }

        resource["meta"] = new JsonObject
        {
            ["resourceType"] = "Group",
            ["created"] = group.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["lastModified"] = group.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["location"] = $"{baseUrl}/Groups/{group.Id}",
            ["version"] = ScimVersionTag.Of(group.Version),
        };
        return resource;
    }

    /// <summary>Member ids from <c>[{"value": "…"}]</c>; an id that is not a GUID cannot be one of ours.</summary>
    public static IReadOnlyList<Guid> MemberIds(JsonNode? value) => value switch
    {
        null => [],
        JsonArray array => [.. array.Select((m, i) => m as JsonObject ?? throw ScimException.InvalidValue($"members[{i}] must be an object {{\"value\": id}}."))
            .Select(m => ScimJson.GetString(m, "value")).Select(Parse)],
        JsonObject single => [Parse(ScimJson.GetString(single, "value"))],
        _ => throw ScimException.InvalidValue("members must be an array of {\"value\": id}."),
    };

    private static Guid Parse(string? id) => Guid.TryParse(id, out var guid) ? guid : throw ScimException.InvalidValue($"'{id}' is not a user id of this directory.");
}
