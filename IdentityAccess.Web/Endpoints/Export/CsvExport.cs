using System.Text;

namespace IdentityAccess.Web.Endpoints.Export;

/// <summary>
/// The one CSV writer of the portal (RFC 4180, CRLF, UTF-8 with a byte order mark): every export writes through it, so
/// every one quotes alike and is defused alike against formula injection. Rows are written as they are read and
/// flushed every <see cref="FlushEvery"/> rows, so a download starts at once and memory never holds the whole range.
/// </summary>
public static class CsvExport
{
    public const int FlushEvery = 500;

    // A spreadsheet runs a cell that starts with one of these as a formula, or splits it into a new cell or a DDE
    // call (OWASP "CSV injection"): = + - @, tab and CR; ';' and '|' for spreadsheets set to those separators or DDE.
    private static readonly char[] _formulaStarts = ['=', '+', '-', '@', '\t', '\r', ';', '|'];
    private static readonly char[] _needsQuotes = [',', '"', '\r', '\n'];

    /// <summary>One cell: prefixed with an apostrophe when it would start a formula, then quoted when RFC 4180 requires it.</summary>
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && _formulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny(_needsQuotes) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>One line of cells, without its line break.</summary>
    public static string Row(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>Writes the header, then a line per row as the rows arrive.</summary>
    public static async Task WriteAsync<T>(Stream body, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string?>> cells,
        CancellationToken cancellationToken)
    {
        // The byte order mark makes spreadsheet apps read the file as UTF-8, so accented names survive.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Row(header));
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(cells(row)));
            if (++written % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }
}
