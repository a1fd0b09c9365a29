using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members;

/// <summary>Someone an owner adds by hand: found by email if already known to the product, created otherwise.</summary>
public sealed record NewMember(string Email, string DisplayName, Role Role, SeatTier? Tier);
