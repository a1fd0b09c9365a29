using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>A membership's role, tier and status: what its audit entry shows as "before".</summary>
internal sealed record MembershipValues(Role Role, SeatTier? SeatTier, MembershipStatus Status);

/// <summary>A stored membership as the set-based apply reads it (no tracked entity).</summary>
internal sealed record StoredMembership(Guid PersonId, Role Role, SeatTier? SeatTier, MembershipStatus Status, MembershipSource Source, Role? RoleBeforeSync)
{
    public MembershipValues Values => new(Role, SeatTier, Status);
}
