using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>RFC 7643 §5–7 discovery documents: what this service provider supports, as Entra and Okta read it.</summary>
internal static class ScimDiscovery
{
    public const int MaxResults = 1000;

    public static JsonObject ServiceProviderConfig(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["documentationUri"] = "https://datatracker.ietf.org/doc/html/rfc7644",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = MaxResults },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "The token generated under Identity and access → Set up SCIM.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    public static JsonObject ResourceTypes(string baseUrl) => List(
    [
        new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = "User",
            ["name"] = "User",
            ["endpoint"] = "/Users",
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
            ["schema"] = ScimSchemas.Group,
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/Group" },
        },
    ]);

    /// <summary>
    /// The attributes IdentityAccess reads, with their sub-attributes, so clients can name them in <c>attributes</c>
    /// and <c>excludedAttributes</c> (RFC 7644 §3.4.2.5; <c>id</c>, <c>schemas</c> and <c>meta</c> are always returned).
    /// </summary>
    public static JsonObject Schemas() => List(
    [
        Schema(ScimSchemas.User, "User",
            Attribute("userName", "string", required: true, uniqueness: "server"),
            Complex("name", false, Attribute("formatted", "string"), Attribute("givenName", "string"), Attribute("familyName", "string")),
            Attribute("displayName", "string"),
            Attribute("externalId", "string", caseExact: true),
            Attribute("active", "boolean"),
            Complex("emails", true, Attribute("value", "string"), Attribute("type", "string"), Attribute("primary", "boolean"))),
        Schema(ScimSchemas.EnterpriseUser, "EnterpriseUser",
            Attribute("employeeNumber", "string"), Attribute("department", "string"),
            Complex("manager", false, Attribute("value", "string"), Attribute("$ref", "reference"), Attribute("displayName", "string"))),
        Schema(ScimSchemas.Group, "Group",
            Attribute("displayName", "string", required: true, uniqueness: "server"),
            // Direct user members only: a group sent as a member is skipped and the group flagged in the portal.
            Complex("members", true, Attribute("value", "string"), Attribute("display", "string"), Attribute("$ref", "reference"),
                Attribute("type", "string", canonicalValues: ["User"]))),
    ]);

    private static JsonObject List(JsonObject[] resources) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = resources.Length,
        ["startIndex"] = 1,
        ["itemsPerPage"] = resources.Length,
        ["Resources"] = new JsonArray(resources),
    };

    private static JsonObject Schema(string id, string name, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = id,
        ["name"] = name,
        ["attributes"] = new JsonArray(attributes),
    };

    private static JsonObject Attribute(string name, string type, bool required = false, bool multiValued = false, string uniqueness = "none",
        bool caseExact = false, string[]? canonicalValues = null)
    {
        var attribute = new JsonObject
        {
            ["name"] = name,
            ["type"] = type,
            ["multiValued"] = multiValued,
            ["required"] = required,
            ["caseExact"] = caseExact,
            ["mutability"] = "readWrite",
            ["returned"] = "default",
            ["uniqueness"] = uniqueness,
        };
        if (canonicalValues is not null)
        {
            attribute["canonicalValues"] = new JsonArray([.. canonicalValues.Select(v => (JsonNode)v)]);
        }

        return attribute;
    }

    private static JsonObject Complex(string name, bool multiValued, params JsonObject[] subAttributes)
    {
        var attribute = Attribute(name, "complex", multiValued: multiValued);
        attribute["subAttributes"] = new JsonArray(subAttributes);
        return attribute;
    }
}
