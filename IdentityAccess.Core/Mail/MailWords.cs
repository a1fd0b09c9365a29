using System.Globalization;
using System.Resources;

namespace IdentityAccess.Core.Mail;

/// <summary>
/// The emails' words in the recipient's language (MailText.resx, .pt-BR, .id: the portal's languages). A person who
/// picked a language in the portal gets it; someone the portal has never seen gets the language of whoever caused the
/// email (the inviter's page, the sign-in page's visitor), which is the culture of the request that sends it.
/// </summary>
internal static class MailWords
{
    private static readonly ResourceManager _resources = new("IdentityAccess.Core.Mail.MailText", typeof(MailWords).Assembly);

    /// <summary>The recipient's stored language when it names a culture, else the current request's.</summary>
    public static CultureInfo LanguageFor(string? preferredLanguage)
    {
        if (!string.IsNullOrWhiteSpace(preferredLanguage))
        {
            try
            {
                return CultureInfo.GetCultureInfo(preferredLanguage);
            }
            catch (CultureNotFoundException)
            {
                // Stored by an older portal or by hand: fall through to the request's language.
            }
        }

        return CultureInfo.CurrentUICulture;
    }

    /// <summary>The text for the key in that language (English when the language has none), filled with the arguments.</summary>
    public static string Text(CultureInfo language, string key, params object?[] arguments)
    {
        var template = _resources.GetString(key, language) ?? throw new InvalidOperationException($"MailText has no '{key}'.");
        return arguments.Length == 0 ? template : string.Format(language, template, arguments);
    }
}
