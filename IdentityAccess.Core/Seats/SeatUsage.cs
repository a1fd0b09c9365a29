using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Seats;

/// <summary>Seats of one tier (or of a Console organization, with no tier): bought, held by active members, and waited for.</summary>
public sealed record SeatUsage(SeatTier? Tier, int Purchased, int Used, int Pending)
{
    public int Free => Math.Max(0, Purchased - Used);
}
