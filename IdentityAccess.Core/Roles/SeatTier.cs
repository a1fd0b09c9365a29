namespace IdentityAccess.Core.Roles;

/// <summary>Seat tiers of the chat product, most capable first. Console organizations have no tiers.</summary>
public enum SeatTier
{
    Premium,
    Standard,
}
