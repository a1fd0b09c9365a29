using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members;

public sealed record MemberListItem(
    Guid MembershipId,
    Guid PersonId,
    string DisplayName,
    string Email,
    Role Role,
    SeatTier? SeatTier,
    MembershipStatus Status,
    MembershipSource Source,
    DateTimeOffset CreatedAt);
