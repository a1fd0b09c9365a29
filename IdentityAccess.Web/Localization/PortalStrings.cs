using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Localization;

/// <summary>Counts in words, with each language's plural rule and its own digit grouping.</summary>
public static class PortalStrings
{
    /// <summary>
    /// "<c>key.One</c>" or "<c>key.Other</c>" filled with the count formatted for the culture ({0}), then <paramref name="more"/>. The CLDR rules for the
    /// three languages: English has one for 1; Portuguese (Brazil) for 0 and 1; Indonesian does not inflect.
    /// </summary>
    public static string Count(this IStringLocalizer localizer, string key, int count, params object[] more) =>
        localizer[$"{key}.{PluralCategory(CultureInfo.CurrentUICulture, count)}", [Number(count), .. more]];

    /// <summary>A count with the reader's digit grouping: 1,004 in English, 1.004 in Portuguese and Indonesian.</summary>
    public static string Number(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    public static string PluralCategory(CultureInfo culture, int count) => culture.TwoLetterISOLanguageName switch
    {
        "pt" => count is 0 or 1 ? "One" : "Other",
        "id" => "Other",
        _ => count == 1 ? "One" : "Other",
    };
}
