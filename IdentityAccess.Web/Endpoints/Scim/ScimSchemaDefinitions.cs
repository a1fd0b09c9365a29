using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The RFC 7643 §7 Schema resources: every attribute this service provider stores and returns, with its type,
/// mutability, returned, caseExact and uniqueness. userName is unique ignoring case; externalId is compared exactly
/// (RFC 7643 §3.1); id and meta are the server's (readOnly). The User document keeps what the IdP sent, so the core
/// attributes of RFC 7643 §4.1 are all served; groups is not (memberships are read from /Groups), and password is
/// accepted and never returned.
/// </summary>
internal static class ScimSchemaDefinitions
{
    public static IReadOnlyList<JsonObject> All() =>
    [
        Schema(ScimSchemas.User, "User", "User Account",
        [
            Id(), ExternalId(), Meta(),
            Attribute("userName", required: true, uniqueness: "server"),
            Complex("name", false, Attribute("formatted"), Attribute("familyName"), Attribute("givenName"), Attribute("middleName"),
                Attribute("honorificPrefix"), Attribute("honorificSuffix")),
            Attribute("displayName"), Attribute("nickName"), Attribute("profileUrl", "reference"), Attribute("title"), Attribute("userType"),
            Attribute("preferredLanguage"), Attribute("locale"), Attribute("timezone"), Attribute("active", "boolean"),
            Attribute("password", mutability: "writeOnly", returned: "never"),
            Typed("emails"), Typed("phoneNumbers"), Typed("ims"), Typed("photos", "reference"),
            Complex("addresses", true, Attribute("formatted"), Attribute("streetAddress"), Attribute("locality"), Attribute("region"),
                Attribute("postalCode"), Attribute("country"), Attribute("type"), Attribute("primary", "boolean")),
            Typed("entitlements"), Typed("roles"), Typed("x509Certificates", "binary"),
        ]),
        Schema(ScimSchemas.EnterpriseUser, "EnterpriseUser", "Enterprise User",
        [
            Attribute("employeeNumber"), Attribute("costCenter"), Attribute("organization"), Attribute("division"), Attribute("department"),
            Complex("manager", false, Attribute("value"), Attribute("$ref", "reference"), Attribute("displayName", mutability: "readOnly")),
        ]),
        Schema(ScimSchemas.Group, "Group", "Group",
        [
            Id(), ExternalId(), Meta(),
            Attribute("displayName", required: true, uniqueness: "server"),
            // Direct user members only: a group sent as a member is skipped and the group flagged in the portal.
            Complex("members", true, Attribute("value", mutability: "immutable"), Attribute("display", mutability: "readOnly"),
                Attribute("$ref", "reference", mutability: "immutable"), Attribute("type", mutability: "immutable", canonicalValues: ["User"])),
        ]),
    ];

    private static JsonObject Schema(string id, string name, string description, JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes),
    };

    private static JsonObject Id() => Attribute("id", caseExact: true, mutability: "readOnly", returned: "always", uniqueness: "server");

    private static JsonObject ExternalId() => Attribute("externalId", caseExact: true);

    private static JsonObject Meta()
    {
        JsonObject Sub(string name, string type = "string") => Attribute(name, type, caseExact: name is "location" or "version", mutability: "readOnly");
        var meta = Complex("meta", false, Sub("resourceType"), Sub("created", "dateTime"), Sub("lastModified", "dateTime"), Sub("location", "reference"), Sub("version"));
        meta["mutability"] = "readOnly";
        return meta;
    }

    // A multi-valued attribute of RFC 7643 §2.4's usual shape: value, display, type, primary.
    private static JsonObject Typed(string name, string valueType = "string") =>
        Complex(name, true, Attribute("value", valueType), Attribute("display"), Attribute("type"), Attribute("primary", "boolean"));

    private static JsonObject Attribute(string name, string type = "string", bool required = false, bool caseExact = false, string mutability = "readWrite",
        string returned = "default", string uniqueness = "none", string[]? canonicalValues = null)
    {
        var attribute = new JsonObject
        {
            ["name"] = name,
            ["type"] = type,
            ["multiValued"] = false,
            ["required"] = required,
            ["caseExact"] = caseExact,
            ["mutability"] = mutability,
            ["returned"] = returned,
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
        var attribute = Attribute(name, "complex");
        attribute["multiValued"] = multiValued;
        attribute["subAttributes"] = new JsonArray(subAttributes);
        return attribute;
    }
}
