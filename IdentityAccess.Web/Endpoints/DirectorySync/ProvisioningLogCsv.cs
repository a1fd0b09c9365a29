using System.Globalization;
using System.Text.Json;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Components.DirectorySync;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.DirectorySync;

/// <summary>
/// A directory's provisioning log (SCIM requests and SSO sign-in decisions), newest first, as CSV (through the
/// portal's one CSV writer) or JSON: the same fields under the same names.
/// </summary>
internal static class ProvisioningLogCsv
{
    // channel last: columns that spreadsheets and scripts already read keep their places.
    public static readonly IReadOnlyList<string> Header =
        ["time_utc", "status", "method", "path", "summary", "error_type", "error_detail", "token", "correlation_id", "duration_ms", "channel"];

    public static IEnumerable<string?> Cells(ProvisioningLogEntry entry) =>
    [
        Time(entry),
        entry.Status.ToString(CultureInfo.InvariantCulture),
        entry.Method,
        entry.Path,
        entry.Summary,
        entry.ErrorType,
        entry.ErrorDetail,
        Token(entry),
        entry.CorrelationId,
        entry.DurationMs.ToString(CultureInfo.InvariantCulture),
        Channel(entry),
    ];

    public static void WriteJson(Utf8JsonWriter json, ProvisioningLogEntry entry)
    {
        json.WriteString("time_utc", Time(entry));
        json.WriteString("channel", Channel(entry));
        json.WriteNumber("status", entry.Status);
        json.WriteString("method", entry.Method);
        json.WriteString("path", entry.Path);
        json.WriteString("summary", entry.Summary);
        json.WriteString("error_type", entry.ErrorType);
        json.WriteString("error_detail", entry.ErrorDetail);
        json.WriteString("token", Token(entry));
        json.WriteString("correlation_id", entry.CorrelationId);
        json.WriteNumber("duration_ms", entry.DurationMs);
    }

    /// <summary>E.g. <c>acme-corporation-scim-log-2026-11-23.csv</c>: the directory is the parent organization's.</summary>
    public static string FileName(string parentName, DateTimeOffset now, string extension = "csv") =>
        ExportFiles.Name(parentName, "directory", "scim-log", now, extension);

    private static string Time(ProvisioningLogEntry entry) => entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Token(ProvisioningLogEntry entry) => entry.Channel == ProvisioningLogChannel.Scim ? entry.TokenPrefix + "…" : "";

    private static string Channel(ProvisioningLogEntry entry) => DirectorySyncLabels.ChannelWord(entry.Channel);
}
