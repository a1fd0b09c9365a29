using IdentityAccess.Core.Members.Invitations;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>
/// A pending invitation as the members page lists it, and where its latest email is. Never its link: the link is the
/// invited person's secret, carried by the email alone (the page shows it to the inviter only while the email is unsent).
/// </summary>
internal sealed record ApiInvitation(Guid Id, Guid MemberId, string Email, string Name, string Role, string? SeatTier, DateTimeOffset InvitedAt,
    string? InvitedBy, DateTimeOffset ExpiresAt, DateTimeOffset LastSentAt, int SendCount, ApiInvitationEmail? LatestEmail)
{
    public static ApiInvitation From(PendingInvitation invitation) => new(invitation.InvitationId, invitation.MembershipId, invitation.Email,
        invitation.DisplayName, invitation.Role.ToString(), invitation.Tier?.ToString(), invitation.InvitedAt, invitation.InvitedBy, invitation.ExpiresAt,
        invitation.LastSentAt, invitation.SendCount,
        invitation.Delivery is { } delivery ? new ApiInvitationEmail(delivery.SentAt, delivery.Attempts, delivery.LastError) : null);
}

/// <summary>The latest invitation email: sent when, or still in the outbox after so many attempts (with the mail server's last error).</summary>
internal sealed record ApiInvitationEmail(DateTimeOffset? SentAt, int Attempts, string? LastError);
