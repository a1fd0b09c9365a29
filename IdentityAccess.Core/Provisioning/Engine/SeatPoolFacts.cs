using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>Seats bought for one tier (null: a Console organization's untiered seats).</summary>
public sealed record SeatPoolFacts(SeatTier? Tier, int Purchased);
