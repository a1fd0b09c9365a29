using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;

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

    /// <summary>Parses the body whatever its Content-Type says (clients send scim+json, json, or nothing useful).</summary>
    public static async Task<JsonObject> ReadObjectAsync(this HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw ScimException.InvalidSyntax("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw ScimException.InvalidSyntax($"The body is not valid JSON: {ex.Message}");
        }
    }

    public static Guid ResourceId(string id) => Guid.TryParse(id, out var guid) ? guid : throw ScimException.NotFound($"Resource {id}");

    // RFC 7644 §3.4.2.4: startIndex is 1-based (below 1 means 1); count defaults to 100, is capped, and may be 0.
    public static (int StartIndex, int Count) Paging(string? startIndex, string? count)
    {
        var start = int.TryParse(startIndex, out var s) && s > 1 ? s : 1;
        var size = int.TryParse(count, out var c) ? Math.Clamp(c, 0, ScimDiscovery.MaxResults) : 100;
        return (start, size);
    }
}
