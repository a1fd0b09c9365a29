using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>The organization the person has just joined, and as what.</summary>
public sealed record AcceptedInvitation(Guid OrganizationId, string OrganizationName, Role Role, SeatTier? Tier);
