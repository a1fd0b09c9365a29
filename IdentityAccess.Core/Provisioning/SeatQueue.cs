using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning;

/// <summary>People waiting for a seat, in the order they will be admitted (first assigned, first admitted).</summary>
public sealed record SeatQueue(IReadOnlyList<WaitingPerson> Waiting, IReadOnlyList<SeatTier> Tiers)
{
    /// <summary>Everyone waiting, of whom <see cref="Waiting"/> lists the first: the count the page shows is the real one.</summary>
    public int Total { get; init; } = Waiting.Count;
}

/// <summary>One person in the queue; <see cref="Tier"/> null means any tier (no tier group).</summary>
public sealed record WaitingPerson(int Position, Guid PersonId, string Email, string DisplayName, SeatTier? Tier, DateTimeOffset WaitingSince);
