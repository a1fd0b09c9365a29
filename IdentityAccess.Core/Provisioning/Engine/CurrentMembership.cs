using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>A person's membership as it is stored now.</summary>
public sealed record CurrentMembership(Role Role, SeatTier? Tier, MembershipStatus Status, MembershipSource Source, DateTimeOffset StatusChangedAt)
{
    public bool HoldsSeat => MembershipStatuses.HoldsSeat(Status);

    public bool IsMember => Status != MembershipStatus.Removed;

    /// <summary>The role kept by hand over what the IdP's groups say; null when the IdP decides.</summary>
    public RoleOverride? Override { get; init; }

    /// <summary>
    /// The role a demotion by sync took (<see cref="Members.Membership.RoleBeforeSync"/>), as loaded: no rule reads it;
    /// the set-based apply writes on from it instead of reading every changed row again.
    /// </summary>
    public Role? RoleBeforeSync { get; init; }
}
