using System.Globalization;
using IdentityAccess.Core.Mail;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>The invitation email, in plain text and the invited person's language; the link is the whole of what they need.</summary>
internal static class InvitationMail
{
    /// <summary>The accept page's path; the secret follows it.</summary>
    public const string PathPrefix = "/invitations/";

    public static (string Subject, string Body) Compose(CultureInfo language, string inviterName, string organizationName, Role role,
        SeatTier? tier, string link, DateTimeOffset expiresAt)
    {
        var seat = tier is null ? "" : MailWords.Text(language, "Invitation.Seat", tier);
        var until = expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture); // unambiguous in every language
        return (MailWords.Text(language, "Invitation.Subject", inviterName, organizationName),
            MailWords.Text(language, "Invitation.Body", inviterName, organizationName, RoleCatalog.DisplayName(role), seat, link, until));
    }
}
