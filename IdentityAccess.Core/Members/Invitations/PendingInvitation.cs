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
    InvitationDelivery? Delivery);
