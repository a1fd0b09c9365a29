using System.Globalization;

namespace IdentityAccess.Core.Common;

/// <summary>
/// A date range of a log: from inclusive, to exclusive, either end open. Given as a day (<c>2026-11-23</c>, UTC) or an
/// ISO 8601 date and time with its offset; a day given as <c>to</c> includes that whole day.
/// </summary>
public sealed record LogPeriod(DateTimeOffset? From, DateTimeOffset? To)
{
    public static readonly LogPeriod All = new(null, null);

    private static readonly string[] _dayFormats = ["yyyy-MM-dd"];

    /// <summary>Reads the two ends as a query string gives them; a refusal names the field and says what is wrong.</summary>
    public static (LogPeriod? Period, InvalidLogPeriod? Refusal) Parse(string? from, string? to)
    {
        if (!TryParseEnd(from, endOfDay: false, out var start))
        {
            return (null, new InvalidLogPeriod("from", LogPeriodProblem.NotADate, Shorten(from)));
        }

        if (!TryParseEnd(to, endOfDay: true, out var end))
        {
            return (null, new InvalidLogPeriod("to", LogPeriodProblem.NotADate, Shorten(to)));
        }

        if (start is { } s && end is { } e && s >= e)
        {
            return (null, new InvalidLogPeriod("to", LogPeriodProblem.EndsBeforeStart));
        }

        return (new LogPeriod(start, end), null);
    }

    private static bool TryParseEnd(string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (DateTime.TryParseExact(text, _dayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.Date, TimeSpan.Zero);
            value = !endOfDay ? midnight : day.Date == DateTime.MaxValue.Date ? DateTimeOffset.MaxValue : midnight.AddDays(1);
            return true;
        }

        // An offset is required: a bare local time would mean a different instant on the server than in the browser.
        if (text.Length > 10 && (char.ToUpperInvariant(text[^1]) == 'Z' || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            value = instant.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static string Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? "";
}
