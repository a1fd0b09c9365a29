namespace IdentityAccess.Core.Seats;

/// <summary>
/// One +1 or -1 (held seats, listed members or both) to an organization's <see cref="SeatHolding"/>, written by PostgreSQL's membership trigger instead of
/// updating the counter row itself. Updating one row 100,000 times in one transaction (a Sync now that changes
/// everyone) leaves 100,000 versions of it that each update walks, so the cost grows with the square; inserts stay
/// linear. The next writer of the organization folds them into the counter (<see cref="SeatHoldingCounts.FoldAsync"/>).
/// SQLite updates in place, has no row versions and never writes here.
/// </summary>
public sealed class SeatHoldingChange
{
    public long Id { get; init; }

    public Guid OrganizationId { get; init; }

    /// <summary>The SeatTier's name, or <see cref="SeatHolding.NoTier"/>.</summary>
    public string Tier { get; init; } = SeatHolding.NoTier;

    public int Delta { get; init; }

    /// <summary>The change to <see cref="SeatHolding.Listed"/>: a membership listed or no longer listed.</summary>
    public int ListedDelta { get; init; }
}
