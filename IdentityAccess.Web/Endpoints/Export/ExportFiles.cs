using System.Runtime.CompilerServices;
using System.Text;

namespace IdentityAccess.Web.Endpoints.Export;

/// <summary>What every export shares besides its format: its file name and reading pages as rows.</summary>
public static class ExportFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>E.g. <c>acme-console-members-2026-11-23.csv</c>: plain ASCII, so every browser saves it under that name.</summary>
    public static string Name(string ownerName, string fallback, string what, DateTimeOffset now, string extension)
    {
        var slug = new StringBuilder();
        foreach (var c in ownerName.ToLowerInvariant())
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
        return $"{(name.Length > 0 ? name : fallback)}-{what}-{now.UtcDateTime:yyyy-MM-dd}.{extension}";
    }

    /// <summary>The rows of pages read one short query at a time, in order.</summary>
    public static async IAsyncEnumerable<T> Rows<T>(this IAsyncEnumerable<IReadOnlyList<T>> pages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var row in page)
            {
                yield return row;
            }
        }
    }
}
