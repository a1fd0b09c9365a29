using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// One provisioning-log row for a SCIM request, or for one operation of a /Bulk, queued (see
/// <see cref="ProvisioningLogWriter"/>). Requests whose token is none of ours have no directory and are not logged; a
/// revoked token's refusals are. Bodies and headers are never logged.
/// </summary>
internal sealed class ScimRequestLog(ProvisioningLogWriter writer, TimeProvider time, ILogger<ScimRequestLog> logger)
{
    /// <summary>When it began: the row's time and the start of its duration.</summary>
    public (DateTimeOffset OccurredAt, long Started) Start() => (time.GetUtcNow(), time.GetTimestamp());

    public void Record(HttpContext http, (DateTimeOffset OccurredAt, long Started) start, string method, string path, string? query, int status,
        IReadOnlyList<LogPhrase>? summary, ScimError? error, string correlationId)
    {
        if (http.Caller() is not { } caller)
        {
            return;
        }

        try
        {
            var (english, codes) = ProvisioningLogCodes.Both(summary, error?.Phrase);
            // Only queued here: the write loop stores it in a batch, so the answer waits for no log write.
            writer.Enqueue(new ProvisioningLogEntry
            {
                ParentOrganizationId = caller.ParentOrganizationId,
                TokenId = caller.TokenId,
                TokenPrefix = caller.Prefix,
                OccurredAt = start.OccurredAt,
                Method = method,
                Path = ProvisioningLogRedaction.RequestLine(path, query),
                Status = status,
                Summary = english,
                TextCodes = codes,
                ErrorType = error?.ScimType,
                ErrorDetail = ProvisioningLogRedaction.Detail(error?.Detail),
                CorrelationId = ProvisioningLogRedaction.Truncate(correlationId, 64)!,
                DurationMs = (int)Math.Min(int.MaxValue, time.GetElapsedTime(start.Started).TotalMilliseconds),
            });
        }
        catch (Exception ex)
        {
            // The log must never turn an answered request into a failure.
            logger.LogError(ex, "Could not log {Method} {Path} ({CorrelationId}).", method, path, correlationId);
        }
    }
}
