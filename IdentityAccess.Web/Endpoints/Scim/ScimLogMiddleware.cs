using IdentityAccess.Core.Scim.Log;
using Microsoft.AspNetCore.Authentication;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The outermost step under /scim/v2: gives every request a correlation id (the trace identifier, sent back in
/// <c>X-Correlation-ID</c>), gathers what it changed in a <see cref="ProvisioningLogScope"/>, and records one
/// provisioning-log row once the answer is decided, whatever decided it: the endpoint, the authentication challenge
/// (401) or forbid (403), the rate limiter (429), routing (404, 405) or the error middleware (406, 415, 500).
/// </summary>
internal sealed class ScimLogMiddleware(RequestDelegate next, ScimRequestLog log)
{
    public const string CorrelationHeader = "X-Correlation-ID";

    /// <summary>Logged when the client went away before an answer (nginx's convention): nothing was sent back.</summary>
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext http)
    {
        http.Response.Headers[CorrelationHeader] = http.TraceIdentifier;
        var start = log.Start();
        var began = System.Diagnostics.Stopwatch.GetTimestamp();
        using var scope = ProvisioningLogScope.Begin();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted ? ClientClosedRequest : http.Response.StatusCode;
        }
        finally
        {
            // A request refused before authentication ran (an unknown path, a wrong method) is still its directory's.
            if (http.Caller() is null && http.Request.Headers.Authorization.Count > 0 && !http.RequestAborted.IsCancellationRequested)
            {
                await http.AuthenticateAsync(ScimBearerHandler.SchemeName);
            }

            var error = status switch
            {
                ClientClosedRequest => new ScimError(status, null, "The client closed the connection before the response.")
                {
                    Phrase = LogPhrase.Of(LogPhraseCode.ClientClosedConnection),
                },
                >= 400 => http.Features.Get<ScimError>() ?? ScimError.Unexpected(http.TraceIdentifier),
                _ => null,
            };
            Telemetry.ScimTelemetry.Record(http.Request.Method, http.Request.Path.Value ?? "", status, System.Diagnostics.Stopwatch.GetElapsedTime(began));
            log.Record(http, start, http.Request.Method, http.Request.PathBase + http.Request.Path, http.Request.QueryString.Value, status,
                scope.Phrases, error, http.TraceIdentifier);
        }
    }
}
