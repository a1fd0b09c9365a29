using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>A membership's role, tier and status: what its audit entry shows as "before".</summary>
internal sealed record MembershipValues(Role Role, SeatTier? SeatTier, MembershipStatus Status);
