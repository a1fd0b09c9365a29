using System.Globalization;
using System.Text;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Web.Endpoints.Members;

/// <summary>The member list as RFC 4180 CSV, in the words the Members page uses, safe to open in a spreadsheet.</summary>
internal static class MembersCsv
{
    public const string Header = "email,name,role,seat_tier,status,source,joined_utc";

    // A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and CR too.
    private static readonly char[] _formulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] _needsQuotes = [',', '"', '\r', '\n'];

    public static string Row(MemberListItem member) => string.Join(',',
        Field(member.Email),
        Field(member.DisplayName),
        Field(RoleCatalog.DisplayName(member.Role)),
        Field(member.SeatTier?.ToString() ?? ""),
        Field(MemberLabels.Status(member.Status)),
        Field(MemberLabels.Source(member.Source)),
        Field(member.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

    public static string Field(string value)
    {
        if (value.Length > 0 && _formulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny(_needsQuotes) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>E.g. <c>acme-console-members-2026-11-23.csv</c>: plain ASCII, so every browser saves it under that name.</summary>
    public static string FileName(string organizationName, DateTimeOffset now)
    {
        var slug = new StringBuilder();
        foreach (var c in organizationName.ToLowerInvariant())
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
        return $"{(name.Length > 0 ? name : "organization")}-members-{now.UtcDateTime:yyyy-MM-dd}.csv";
    }

    /// <summary>Writes the header, then each page as it arrives, flushing so the download starts before the last page is read.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<IReadOnlyList<MemberListItem>> pages, CancellationToken cancellationToken)
    {
        // The byte order mark makes spreadsheet apps read the file as UTF-8, so accented names survive.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var member in page)
            {
                await writer.WriteLineAsync(Row(member));
            }

            await writer.FlushAsync(cancellationToken);
        }
    }
}
