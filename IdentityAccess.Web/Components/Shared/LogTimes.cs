using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.Shared;

/// <summary>
/// Times in the logs and in the changes held for review: in UTC, as the logs and their exports keep them, written in the
/// reader's own date and time order (11/23/2026 9:30 AM, 23/11/2026 09:30, 23/11/2026 09.30).
/// </summary>
public static class LogTimes
{
    /// <summary>To the second, for a column headed "(UTC)".</summary>
    public static string Second(DateTimeOffset at) => at.UtcDateTime.ToString("G", CultureInfo.CurrentCulture);

    /// <summary>To the second, followed by "UTC".</summary>
    public static string SecondUtc(IStringLocalizer localizer, DateTimeOffset at) => localizer["Period.Utc", Second(at)];

    /// <summary>To the minute, followed by "UTC".</summary>
    public static string MinuteUtc(IStringLocalizer localizer, DateTimeOffset at) =>
        localizer["Period.Utc", at.UtcDateTime.ToString("g", CultureInfo.CurrentCulture)];
}
