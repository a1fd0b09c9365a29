using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Seats;

/// <summary>The seats an organization bought for one tier. Console organizations hold one pool with no tier.</summary>
public sealed class SeatPool
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    /// <summary>Null for Console organizations, whose seats have no tier.</summary>
    public SeatTier? Tier { get; init; }

    public int Purchased { get; set; }
}
