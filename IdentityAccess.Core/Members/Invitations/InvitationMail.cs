using System.Globalization;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>The invitation email, in plain text; the link is the whole of what the invited person needs.</summary>
internal static class InvitationMail
{
    /// <summary>The accept page's path; the secret follows it.</summary>
    public const string PathPrefix = "/invitations/";

    public static (string Subject, string Body) Compose(string inviterName, string organizationName, Role role, SeatTier? tier, string link,
        DateTimeOffset expiresAt)
    {
        var seat = tier is null ? "" : $" ({tier} seat)";
        var until = expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return ($"{inviterName} invited you to {organizationName}",
            $"""
            {inviterName} invited you to join {organizationName} as {RoleCatalog.DisplayName(role)}{seat}.

            Accept the invitation:
            {link}

            Sign in with this email address to accept. The link works once, until {until} UTC.
            If you did not expect this invitation, ignore this email.
            """);
    }
}
