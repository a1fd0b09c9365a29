using System.Text;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Export;

namespace IdentityAccess.Tests.Web.Endpoints.Export;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+SUM(A1:A9)", "'+SUM(A1:A9)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")] // CR also needs quotes
    [InlineData(";=1", "';=1")]
    [InlineData("|calc", "'|calc")]
    public void Cell_DangerousFirstCharacter_PrefixedWithAnApostrophe(string value, string expected) =>
        Assert.Equal(expected, CsvExport.Cell(value));

    [Theory]
    [InlineData("a=b", "a=b")]       // only the first character starts a formula
    [InlineData("alice@acme.test", "alice@acme.test")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("Zoë", "Zoë")]
    public void Cell_Ordinary_Unchanged(string? value, string expected) => Assert.Equal(expected, CsvExport.Cell(value));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("Quinn \"Q\" Jr.", "\"Quinn \"\"Q\"\" Jr.\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("line1\r\nline2", "\"line1\r\nline2\"")]
    [InlineData("=HYPERLINK(\"http://evil.test\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\"")]
    public void Cell_QuotesCommasAndLineBreaks_QuotedPerRfc4180(string value, string expected) => Assert.Equal(expected, CsvExport.Cell(value));

    [Fact]
    public async Task WriteAsync_ThousandsOfRows_WritesAndFlushesBeforeTheLastRowIsRead()
    {
        var source = new CountingRows(3_000);
        var body = new FlushRecordingStream(source);

        await CsvExport.WriteAsync(body, ["n"], source.ReadAsync(), n => [n.ToString(System.Globalization.CultureInfo.InvariantCulture)], CancellationToken.None);

        // The first bytes reached the response after the first FlushEvery rows, long before the 3,000th was read.
        Assert.Equal(CsvExport.FlushEvery, body.RowsReadAtFirstFlush);
        Assert.True(body.Flushes >= 3_000 / CsvExport.FlushEvery);
        var lines = Encoding.UTF8.GetString(body.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3_001, lines.Length);
    }

    [Fact]
    public async Task JsonExport_ThousandsOfRows_FlushesAsItGoes_OneValidArray()
    {
        var source = new CountingRows(3_000);
        var body = new FlushRecordingStream(source);

        await JsonExport.WriteAsync(body, source.ReadAsync(), (json, n) => json.WriteNumber("n", n), CancellationToken.None);

        Assert.Equal(CsvExport.FlushEvery, body.RowsReadAtFirstFlush);
        using var document = System.Text.Json.JsonDocument.Parse(body.ToArray());
        Assert.Equal(3_000, document.RootElement.GetArrayLength());
    }

    /// <summary>
    /// Every writer of CSV in the product goes through <see cref="CsvExport"/>: no other file sets the CSV content type,
    /// or defines its own formula guard; every *Csv and export type with a header writes through it.
    /// </summary>
    [Fact]
    public void EveryCsvExport_UsesTheOneWriter()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "IdentityAccess.Web"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "IdentityAccess.Core"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f) + " in " + Path.GetDirectoryName(f), File.ReadAllText);
        string[] own = ["CsvExport.cs", "ExportFiles.cs"];
        static string Name(string key) => key[..key.IndexOf(" in ", StringComparison.Ordinal)];

        Assert.Empty(sources.Where(s => !own.Contains(Name(s.Key))
            && (s.Value.Contains("text/csv", StringComparison.Ordinal) || s.Value.Contains("_formulaStarts", StringComparison.Ordinal))).Select(s => s.Key));
        // No hand-made CSV writer (CRLF lines) elsewhere, and every CSV response is written by the one writer.
        Assert.Empty(sources.Where(s => !own.Contains(Name(s.Key)) && s.Value.Contains("NewLine = \"\\r\\n\"", StringComparison.Ordinal)).Select(s => s.Key));
        var csvResponses = sources.Where(s => !own.Contains(Name(s.Key)) && s.Value.Contains("CsvContentType", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, csvResponses.Count); // members, provisioning log, audit log; the management API's two log exports and its members export
        Assert.All(csvResponses, s => Assert.True(s.Value.Contains("CsvExport.WriteAsync", StringComparison.Ordinal)
            || s.Value.Contains("MembersCsv.WriteAsync", StringComparison.Ordinal), s.Key));
    }

    private sealed class CountingRows(int count)
    {
        public int Read { get; private set; }

        public async IAsyncEnumerable<int> ReadAsync()
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                Read++;
                yield return i;
            }
        }
    }

    /// <summary>Remembers how many rows the source had given when the writer first flushed to the response.</summary>
    private sealed class FlushRecordingStream(CountingRows source) : MemoryStream
    {
        public int? RowsReadAtFirstFlush { get; private set; }

        public int Flushes { get; private set; }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            RowsReadAtFirstFlush ??= source.Read;
            return base.FlushAsync(cancellationToken);
        }

        public override void Flush()
        {
            Flushes++;
            RowsReadAtFirstFlush ??= source.Read;
            base.Flush();
        }
    }
}
