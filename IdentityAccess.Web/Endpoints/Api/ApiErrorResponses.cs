using Microsoft.AspNetCore.Diagnostics;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// Under <c>/api</c> every error is an RFC 9457 problem in JSON: the portal's status pages (HTML, re-executed) are
/// switched off there, a bare status (no such route, a method not allowed) gets a problem body, and an unexpected
/// exception a 500 problem that says nothing of its cause.
/// </summary>
internal static class ApiErrorResponses
{
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(http => Auth.ApiProblems.IsApi(http.Request), api => api.Use(async (http, next) =>
        {
            if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            try
            {
                await next(http);
            }
            catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
            {
                // A parameter that does not parse (limit=abc): the caller's mistake, said as such.
                http.Response.Clear();
                await Results.Problem(statusCode: bad.StatusCode, title: "InvalidInput", detail: bad.Message).ExecuteAsync(http);
                return;
            }
            catch (Exception exception) when (!http.Response.HasStarted && exception is not OperationCanceledException)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrorResponses))
                    .LogError(exception, "Unhandled exception in {Method} {Path}.", http.Request.Method, http.Request.Path);
                http.Response.Clear();
                await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong",
                    detail: "The request could not be completed; nothing was changed unless the response said so.").ExecuteAsync(http);
                return;
            }

            if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentLength is null
                && string.IsNullOrEmpty(http.Response.ContentType))
            {
                await Auth.ApiProblems.Status(http.Response.StatusCode).ExecuteAsync(http);
            }
        }));
}
