using System.Globalization;

namespace IdentityAccess.Web.Localization;

/// <summary>
/// The languages the portal speaks: those the help article is published in, and English. Each is named in its own
/// language in the picker, so a person who cannot read the current one still finds theirs.
/// </summary>
public static class PortalCultures
{
    public const string English = "en";
    public const string PortugueseBrazil = "pt-BR";
    public const string Indonesian = "id";

    public static readonly IReadOnlyList<PortalLanguage> All =
    [
        new(English, "English"),
        new(PortugueseBrazil, "Português (Brasil)"),
        new(Indonesian, "Bahasa Indonesia"),
    ];

    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. All.Select(l => CultureInfo.GetCultureInfo(l.Culture))];

    /// <summary>
    /// The supported culture a language tag asks for, by its language: "pt", "pt-PT" and "pt-BR" are all read in the
    /// Brazilian edition (the only Portuguese one), "in" is Indonesian's old code. Null for a language not spoken here.
    /// </summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var language = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return language switch
        {
            "en" => English,
            "pt" => PortugueseBrazil,
            "id" or "in" => Indonesian,
            _ => null,
        };
    }

    /// <summary>Only the exact names above are accepted from a form or stored for a person.</summary>
    public static bool IsSupported(string? culture) => All.Any(l => l.Culture == culture);
}

/// <summary>A language of the portal: its culture name and its name in itself.</summary>
public sealed record PortalLanguage(string Culture, string NativeName);
