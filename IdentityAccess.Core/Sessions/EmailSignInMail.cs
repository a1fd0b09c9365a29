using System.Globalization;
using IdentityAccess.Core.Mail;

namespace IdentityAccess.Core.Sessions;

/// <summary>The sign-in link email, in plain text and the recipient's language.</summary>
internal static class EmailSignInMail
{
    /// <summary>The page that shows "Sign in as …"; the secret follows it.</summary>
    public const string PathPrefix = "/sign-in/link/";

    public static (string Subject, string Body) Compose(CultureInfo language, string link) =>
        (MailWords.Text(language, "SignInLink.Subject"), MailWords.Text(language, "SignInLink.Body", link));
}
