using System.Globalization;
using IdentityAccess.Core.Common;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>Query strings of the log exports, built from the same filter the page shows, so a download holds what is on screen (all pages of it).</summary>
public static class LogExportLinks
{
    public static void AddPeriod(List<string> query, LogPeriod period)
    {
        if (period.From is { } from)
        {
            query.Add("from=" + Uri.EscapeDataString(Instant(from)));
        }

        if (period.To is { } to)
        {
            query.Add("to=" + Uri.EscapeDataString(Instant(to)));
        }
    }

    public static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
    }

    public static string Url(string path, List<string> query) => path + (query.Count == 0 ? "" : "?" + string.Join('&', query));

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
