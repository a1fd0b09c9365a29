using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// RFC 7644 §3.14 versions over HTTP: the ETag header carries meta.version on every resource answer; If-None-Match on
/// a GET that names it answers 304; If-Match on PUT/PATCH/DELETE goes to the service, which checks it in the write.
/// </summary>
internal static class ScimVersionHeaders
{
    public static string? IfMatch(this HttpRequest request) => request.Headers.IfMatch.Count == 0 ? null : string.Join(",", request.Headers.IfMatch.ToArray());

    /// <summary>The resource, its attributes selected, with its ETag (also on a 304 when If-None-Match names its version).</summary>
    public static IResult Resource(HttpContext http, JsonObject resource, ScimAttributeSelection selection, int status = StatusCodes.Status200OK)
    {
        var tag = resource["meta"]?["version"]?.GetValue<string>();
        if (tag is not null)
        {
            http.Response.Headers.ETag = tag;
        }

        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (HttpMethods.IsGet(http.Request.Method) && tag is not null && ifNoneMatch.Length > 0
            && ScimVersionTag.Versions(tag) is [var version] && ScimVersionTag.Matches(ifNoneMatch, version))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return ScimResponses.Json(selection.Apply(resource), status);
    }
}
