using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.GroupMappings;

/// <summary>An IdP group (by its immutable id) that assigns a seat tier.</summary>
public sealed record TierMapping(string GroupKey, SeatTier Tier);
