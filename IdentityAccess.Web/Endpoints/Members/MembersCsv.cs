using System.Globalization;
using System.Text.Json;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Web.Components.Members;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Web.Endpoints.Members;

/// <summary>
/// The member list as CSV, in the words the Members page uses, written by the portal's one CSV writer; or as JSON (the
/// management API's export), the same fields under the same names.
/// </summary>
internal static class MembersCsv
{
    public static readonly IReadOnlyList<string> Header = ["email", "name", "role", "seat_tier", "status", "source", "joined_utc"];

    public static IEnumerable<string?> Cells(MemberListItem member) =>
    [
        member.Email,
        member.DisplayName,
        RoleCatalog.DisplayName(member.Role),
        member.SeatTier?.ToString() ?? "",
        MemberLabels.Status(member.Status),
        MemberLabels.Source(member.Source),
        member.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    ];

    /// <summary>E.g. <c>acme-console-members-2026-11-23.csv</c>.</summary>
    public static string FileName(string organizationName, DateTimeOffset now, string extension = "csv") =>
        ExportFiles.Name(organizationName, "organization", "members", now, extension);

    /// <summary>One member as a JSON object: each CSV column's name and cell, so the two files never say it differently.</summary>
    public static void WriteJson(Utf8JsonWriter json, MemberListItem member)
    {
        foreach (var (name, cell) in Header.Zip(Cells(member)))
        {
            json.WriteString(name, cell);
        }
    }

    public static Task WriteAsync(Stream body, IAsyncEnumerable<IReadOnlyList<MemberListItem>> pages, CancellationToken cancellationToken) =>
        CsvExport.WriteAsync(body, Header, pages.Rows(cancellationToken), Cells, cancellationToken);
}
