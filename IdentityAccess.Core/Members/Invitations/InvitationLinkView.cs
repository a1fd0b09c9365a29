using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>What the accept page shows of a valid invitation link, to whoever opened it (the link itself was the key).</summary>
public sealed record InvitationLinkView(string Email, string OrganizationName, string InvitedBy, Role Role, SeatTier? Tier, DateTimeOffset ExpiresAt);
