using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>Every SCIM response is application/scim+json, errors included (RFC 7644 §3.12: status as a string).</summary>
internal static class ScimResponses
{
    public const string ContentType = "application/scim+json";

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), ContentType, System.Text.Encoding.UTF8, status);

    public static IResult Error(int status, string? scimType, string detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        return Json(body, status);
    }

    public static IResult ListResponse(IReadOnlyList<JsonObject> page, int total, int startIndex) => Json(new JsonObject
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = total,
        ["startIndex"] = startIndex,
        ["itemsPerPage"] = page.Count,
        ["Resources"] = new JsonArray([.. page]),
    });
}
