using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim.Log;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The outermost SCIM filter: gives every request a correlation id (the trace identifier, sent back in
/// <c>X-Correlation-ID</c>), gathers what it changed in a <see cref="ProvisioningLogScope"/>, and writes one
/// provisioning-log row for it once the response is decided (queued; see <see cref="ProvisioningLogWriter"/>). Requests whose token is none of ours have no directory
/// and are not logged; a revoked token's refusals are. Bodies and headers are never logged.
/// </summary>
internal sealed class ScimLogFilter(ProvisioningLogWriter writer, TimeProvider time, ILogger<ScimLogFilter> logger) : IEndpointFilter
{
    public const string CorrelationHeader = "X-Correlation-ID";

    /// <summary>Logged when the client went away before an answer (nginx's convention): nothing was sent back.</summary>
    public const int ClientClosedRequest = 499;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers[CorrelationHeader] = http.TraceIdentifier;
        var (occurredAt, started) = (time.GetUtcNow(), time.GetTimestamp());
        using var scope = ProvisioningLogScope.Begin();
        object? result;
        try
        {
            result = await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Record(http, scope, occurredAt, started, ClientClosedRequest, (null, "The client closed the connection before the response."));
            throw;
        }
        catch (Exception)
        {
            Record(http, scope, occurredAt, started, StatusCodes.Status500InternalServerError, (null, "An unexpected error occurred on the server."));
            throw;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        Record(http, scope, occurredAt, started, status, status >= 400 ? ScimError(result) : (null, null));
        return result;
    }

    private void Record(HttpContext http, ProvisioningLogScope scope, DateTimeOffset occurredAt, long started, int status, (string? Type, string? Detail) error)
    {
        if (http.Caller() is not { } caller)
        {
            return;
        }

        try
        {
            // Only queued here: the write loop stores it in a batch, so the answer waits for no log write.
            writer.Enqueue(new ProvisioningLogEntry
            {
                ParentOrganizationId = caller.ParentOrganizationId,
                TokenId = caller.TokenId,
                TokenPrefix = caller.Prefix,
                OccurredAt = occurredAt,
                Method = http.Request.Method,
                Path = ProvisioningLogRedaction.RequestLine(http.Request.PathBase + http.Request.Path, http.Request.QueryString.Value),
                Status = status,
                Summary = ProvisioningLogRedaction.Truncate(scope.Summary, ProvisioningLogEntry.MaxSummaryLength),
                ErrorType = error.Type,
                ErrorDetail = ProvisioningLogRedaction.Detail(error.Detail),
                CorrelationId = ProvisioningLogRedaction.Truncate(http.TraceIdentifier, 64)!,
                DurationMs = (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds),
            });
        }
        catch (Exception ex)
        {
            // The log must never turn an answered request into a failure.
            logger.LogError(ex, "Could not log {Method} {Path} ({CorrelationId}).", http.Request.Method, http.Request.Path, http.TraceIdentifier);
        }
    }

    // Every SCIM error body is ours (ScimResponses.Error): read its scimType and detail back.
    private static (string? Type, string? Detail) ScimError(object? result)
    {
        if (result is not ContentHttpResult { ResponseContent: { } content })
        {
            return (null, null);
        }

        try
        {
            return JsonNode.Parse(content) is JsonObject body
                ? (body["scimType"]?.GetValue<string>(), body["detail"]?.GetValue<string>())
                : (null, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, null);
        }
    }
}
