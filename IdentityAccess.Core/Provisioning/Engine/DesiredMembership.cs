using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>The membership the rules want a person to have.</summary>
public sealed record DesiredMembership(Role Role, SeatTier? Tier, MembershipStatus Status, MembershipSource Source);
