using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using IdentityAccess.Web.Endpoints.Scim.Bulk;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>RFC 7643 §5–7 discovery documents: what this service provider supports, exactly, as Entra and Okta read it.</summary>
internal static class ScimDiscovery
{
    public const int MaxResults = 1000;

    public static JsonObject ServiceProviderConfig(string baseUrl, ScimBulkOptions bulk) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["documentationUri"] = "https://datatracker.ietf.org/doc/html/rfc7644",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = true, ["maxOperations"] = bulk.MaxOperations, ["maxPayloadSize"] = bulk.MaxPayloadSize },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = MaxResults },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = true },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "The token generated under Identity and access → Set up SCIM.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    public static JsonObject ResourceTypes(string baseUrl) => List([.. ResourceTypeList(baseUrl)]);

    /// <summary>One resource type by its id (User, Group), or a SCIM 404.</summary>
    public static JsonObject ResourceType(string baseUrl, string id) =>
        ResourceTypeList(baseUrl).FirstOrDefault(t => string.Equals(t["id"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase))
        ?? throw ScimException.NotFound($"Resource type {id}");

    /// <summary>
    /// The attributes IdentityAccess serves, with their sub-attributes, so clients can name them in <c>attributes</c>
    /// and <c>excludedAttributes</c> (RFC 7644 §3.4.2.5; <c>id</c>, <c>schemas</c> and <c>meta</c> are always returned).
    /// </summary>
    public static JsonObject Schemas(string baseUrl) => List([.. ScimSchemaDefinitions.All().Select(s => WithMeta(s, baseUrl))]);

    /// <summary>One schema by its URN (which has dots and colons: urn:ietf:params:scim:schemas:core:2.0:User), or a SCIM 404.</summary>
    public static JsonObject Schema(string baseUrl, string id) =>
        ScimSchemaDefinitions.All().FirstOrDefault(s => string.Equals(s["id"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase)) is { } schema
            ? WithMeta(schema, baseUrl)
            : throw ScimException.NotFound($"Schema {id}");

    private static IEnumerable<JsonObject> ResourceTypeList(string baseUrl) =>
    [
        new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = "User",
            ["name"] = "User",
            ["endpoint"] = "/Users",
            ["description"] = "User Account",
            ["schema"] = ScimSchemas.User,
            ["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = ScimSchemas.EnterpriseUser, ["required"] = false }),
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/User" },
        },
        new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = "Group",
            ["name"] = "Group",
            ["endpoint"] = "/Groups",
            ["description"] = "Group",
            ["schema"] = ScimSchemas.Group,
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/Group" },
        },
    ];

    private static JsonObject WithMeta(JsonObject schema, string baseUrl)
    {
        schema["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{schema["id"]!.GetValue<string>()}" };
        return schema;
    }

    private static JsonObject List(JsonObject[] resources) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = resources.Length,
        ["startIndex"] = 1,
        ["itemsPerPage"] = resources.Length,
        ["Resources"] = new JsonArray(resources),
    };
}
