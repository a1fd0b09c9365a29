using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>An invitation waiting for its person, as the members page lists it, with its latest email.</summary>
public sealed record PendingInvitation(
    Guid InvitationId,
    Guid MembershipId,
    string Email,
    string DisplayName,
    Role Role,
    SeatTier? Tier,
    DateTimeOffset ExpiresAt,
    DateTimeOffset LastSentAt,
    int SendCount,
    InvitationDelivery? Delivery)
{
    /// <summary>When the person was first invited; <see cref="PendingInvitation.LastSentAt"/> moves with each resend.</summary>
    public DateTimeOffset InvitedAt { get; init; }

    /// <summary>The name of who invited them (not their email: the organization may since have moved to another parent); null should that person no longer exist.</summary>
    public string? InvitedBy { get; init; }
}
