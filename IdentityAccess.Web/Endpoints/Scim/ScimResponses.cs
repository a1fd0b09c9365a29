using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>Every SCIM response is application/scim+json, errors included (RFC 7644 §3.12: status as a string).</summary>
internal static class ScimResponses
{
    public const string ContentType = "application/scim+json";

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), ContentType, System.Text.Encoding.UTF8, status);

    public static IResult Error(int status, string? scimType, string detail) => new ErrorResult(new ScimError(status, scimType, detail));

    /// <summary>Writes the error and keeps it on the request for the provisioning log.</summary>
    public static Task WriteErrorAsync(HttpContext http, ScimError error)
    {
        http.Features.Set(error);
        http.Response.StatusCode = error.Status;
        http.Response.ContentType = ContentType;
        return http.Response.WriteAsync(error.ToJson().ToJsonString(), http.RequestAborted);
    }

    public static IResult ListResponse(IReadOnlyList<JsonObject> page, int total, int startIndex) => Json(new JsonObject
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = total,
        ["startIndex"] = startIndex,
        ["itemsPerPage"] = page.Count,
        ["Resources"] = new JsonArray([.. page]),
    });

    private sealed class ErrorResult(ScimError error) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => error.Status;

        public Task ExecuteAsync(HttpContext httpContext) => WriteErrorAsync(httpContext, error);
    }
}
