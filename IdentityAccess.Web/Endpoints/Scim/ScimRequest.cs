using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Input;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>What a SCIM handler reads from the request: the directory its token opened, the base URL, the body.</summary>
internal static class ScimRequest
{
    public const string BasePath = "/scim/v2";
    public const string CallerKey = "scim.caller";

    /// <summary>The directory of the authenticated SCIM token (<see cref="ScimPrincipal"/>); the endpoints' policy guarantees one.</summary>
    public static Guid ParentId(this HttpContext http) =>
        ScimPrincipal.ParentIdOf(http.User) ?? throw new InvalidOperationException("A SCIM endpoint ran without a SCIM principal.");

    /// <summary>The token the request came with when it is one of ours (valid or revoked), else null.</summary>
    public static ScimCaller? Caller(this HttpContext http) => http.Items[CallerKey] as ScimCaller;

    public static bool IsScim(this HttpRequest request) => request.Path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase);

    public static string BaseUrl(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/scim/v2";

    /// <summary>
    /// Parses the body whatever its Content-Type says (clients send scim+json, json, or nothing useful), with
    /// case-insensitive attribute names (RFC 7643 §2.1). Everything a later read could trip on is found here, as a 400
    /// invalidSyntax: invalid UTF-8, a lone UTF-16 surrogate (raw, or escaped as "\ud800"), an attribute given twice
    /// (in any case), nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    public static async Task<JsonObject> ReadObjectAsync(this HttpRequest request)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, ScimJson.NodeOptions, new JsonDocumentOptions { MaxDepth = MaxDepth },
                request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw ScimException.InvalidSyntax($"The body is not valid JSON: {ex.Message}");
        }

        if (body is not JsonObject resource)
        {
            throw ScimException.InvalidSyntax("The body must be a JSON object.");
        }

        ScimInputText.EnsureReadable(resource);
        return resource;
    }

    /// <summary>Deeper than any SCIM resource or PatchOp (a PATCH value inside an extension is four levels).</summary>
    public const int MaxDepth = 32;

    public static Guid ResourceId(string id) => Guid.TryParse(id, out var guid) ? guid : throw ScimException.NotFound($"Resource {id}");

    // RFC 7644 §3.4.2.4: startIndex is 1-based (below 1 means 1); count defaults to 100, is capped, and may be 0.
    public static (int StartIndex, int Count) Paging(string? startIndex, string? count)
    {
        var start = int.TryParse(startIndex, out var s) && s > 1 ? s : 1;
        var size = int.TryParse(count, out var c) ? Math.Clamp(c, 0, ScimDiscovery.MaxResults) : 100;
        return (start, size);
    }
}
