using System.Globalization;
using System.Text;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Web.Endpoints.Members;

namespace IdentityAccess.Web.Endpoints.DirectorySync;

/// <summary>A directory's provisioning log (SCIM requests and SSO sign-in decisions) as RFC 4180 CSV, newest first, safe to open in a spreadsheet.</summary>
internal static class ProvisioningLogCsv
{
    // channel last: columns that spreadsheets and scripts already read keep their places.
    public const string Header = "time_utc,status,method,path,summary,error_type,error_detail,token,correlation_id,duration_ms,channel";

    public static string Row(ProvisioningLogEntry entry) => string.Join(',',
        Field(entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        entry.Status.ToString(CultureInfo.InvariantCulture),
        Field(entry.Method),
        Field(entry.Path),
        Field(entry.Summary),
        Field(entry.ErrorType),
        Field(entry.ErrorDetail),
        Field(entry.Channel == ProvisioningLogChannel.Sso ? "" : entry.TokenPrefix + "…"),
        Field(entry.CorrelationId),
        entry.DurationMs.ToString(CultureInfo.InvariantCulture),
        entry.Channel == ProvisioningLogChannel.Sso ? "sso" : "scim");

    /// <summary>E.g. <c>acme-corporation-scim-log-2026-11-23.csv</c>: the directory is the parent organization's.</summary>
    public static string FileName(string parentName, DateTimeOffset now)
    {
        var slug = new StringBuilder();
        foreach (var c in parentName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().TrimEnd('-');
        return $"{(name.Length > 0 ? name : "directory")}-scim-log-{now.UtcDateTime:yyyy-MM-dd}.csv";
    }

    /// <summary>Writes the header, then each page as it arrives, flushing so the download starts before the last page is read.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<IReadOnlyList<ProvisioningLogEntry>> pages, CancellationToken cancellationToken)
    {
        // The byte order mark makes spreadsheet apps read the file as UTF-8.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var entry in page)
            {
                await writer.WriteLineAsync(Row(entry));
            }

            await writer.FlushAsync(cancellationToken);
        }
    }

    // Quoting and formula defusing as for the members export (paths, user names and IdP error details are client input).
    private static string Field(string? value) => MembersCsv.Field(value ?? "");
}
