using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Web.Endpoints.Api.Logs;

/// <summary>
/// A row of the directory's provisioning log as the API shows it: a SCIM request (<c>channel</c> <c>scim</c>, with the
/// token's prefix), an SSO sign-in decision (<c>sso</c>) or a Sync now run (<c>syncnow</c>). The summary and error are in
/// English, as in the export.
/// </summary>
internal sealed record ApiProvisioningLogEntry(long Id, DateTimeOffset OccurredAt, string Channel, int Status, string Method, string Path,
    string? Summary, string? ErrorType, string? ErrorDetail, string? TokenPrefix, string CorrelationId, int DurationMs)
{
    public static ApiProvisioningLogEntry From(ProvisioningLogEntry entry) => new(entry.Id, entry.OccurredAt,
        entry.Channel.ToString().ToLowerInvariant(), entry.Status, entry.Method, entry.Path, entry.Summary, entry.ErrorType,
        entry.ErrorDetail, entry.Channel == ProvisioningLogChannel.Scim ? entry.TokenPrefix : null, entry.CorrelationId, entry.DurationMs);
}
