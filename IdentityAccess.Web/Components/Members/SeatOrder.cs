using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Components.Members;

/// <summary>The new total of purchased seats for one tier (null: a Console organization's untiered seats).</summary>
public sealed record SeatOrder(SeatTier? Tier, int Purchased);
