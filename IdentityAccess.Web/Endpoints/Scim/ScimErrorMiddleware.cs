using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// Under /scim/v2 every answer is SCIM JSON, never the portal's HTML pages: content negotiation (406, 415), a refused
/// request's exception turned into its SCIM error, an unhandled one into a 500 with a correlation id (logged, no stack
/// trace), and a bodiless error status from routing (404 unknown path, 405 wrong method with its Allow header) given
/// its SCIM body.
/// </summary>
internal sealed class ScimErrorMiddleware(RequestDelegate next, ILogger<ScimErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (http.GetEndpoint() is not null && Negotiate(http.Request) is { } refused)
        {
            await ScimResponses.WriteErrorAsync(http, refused);
            return;
        }

        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client is gone; the provisioning log records 499
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            var error = ScimError.From(ex, http);
            if (error is null)
            {
                logger.LogError(ex, "Unhandled error in SCIM {Method} {Path} ({CorrelationId}).", http.Request.Method, http.Request.Path, http.TraceIdentifier);
            }

            http.Response.Headers.Remove(HeaderNames.Location);
            await ScimResponses.WriteErrorAsync(http, error ?? ScimError.Unexpected(http.TraceIdentifier));
            return;
        }

        var response = http.Response;
        if (response.StatusCode == StatusCodes.Status404NotFound && http.GetEndpoint() is null
            && http.RequestServices.GetRequiredService<ScimAllowedMethods>().For(http.Request.Path) is [_, ..] allowed)
        {
            // Routing finds no endpoint for a GET on a POST-only path (/Bulk) instead of its 405: the path is known, the method is not.
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = string.Join(", ", allowed);
        }

        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null or 0)
        {
            await ScimResponses.WriteErrorAsync(http, new ScimError(response.StatusCode, null, response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"No such SCIM endpoint: {http.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}. Allowed: {response.Headers.Allow}.",
                _ => $"The request was refused ({response.StatusCode}).",
            }));
        }
    }

    /// <summary>
    /// 406 when Accept allows neither application/scim+json nor application/json (RFC 7644 §3.8); 415 when a body is
    /// sent as something other than JSON. A missing Accept or Content-Type, and parameters such as charset, are fine:
    /// Okta sends <c>application/scim+json; charset=utf-8</c>, some clients send no Content-Type at all.
    /// </summary>
    private static ScimError? Negotiate(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count > 0 && !accepted.Any(a => a.Quality is not 0 && AcceptsScimJson(a.Type.Value, a.SubType.Value)))
        {
            return new ScimError(StatusCodes.Status406NotAcceptable, null,
                $"SCIM answers in application/scim+json (or application/json); the Accept header '{request.Headers.Accept}' allows neither.");
        }

        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            && !string.IsNullOrWhiteSpace(request.ContentType) && !IsJson(request.ContentType))
        {
            return new ScimError(StatusCodes.Status415UnsupportedMediaType, null,
                $"Send the body as application/scim+json or application/json, not '{request.ContentType}'.");
        }

        return null;
    }

    private static bool AcceptsScimJson(string? type, string? subType) =>
        (type is "*" || "application".Equals(type, StringComparison.OrdinalIgnoreCase))
        && (subType is "*" || "json".Equals(subType, StringComparison.OrdinalIgnoreCase) || "scim+json".Equals(subType, StringComparison.OrdinalIgnoreCase));

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && "application".Equals(media.Type.Value, StringComparison.OrdinalIgnoreCase)
        && media.SubType.Value is { } subType && (subType.Equals("json", StringComparison.OrdinalIgnoreCase) || subType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
