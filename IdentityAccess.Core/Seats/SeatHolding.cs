namespace IdentityAccess.Core.Seats;

/// <summary>
/// How many seats of one tier an organization's members hold now, and how many members of that tier are listed, kept
/// by database triggers on Memberships (every write path, hand-made, sync or SQL, updates it in the same statement),
/// so a SCIM request can ask "is a seat free?" and the members page can show its total without counting a hundred
/// thousand members. The app only reads it.
/// </summary>
public sealed class SeatHolding
{
    /// <summary>The tier key of untiered (Console) seats: a primary key cannot hold null.</summary>
    public const string NoTier = "";

    public Guid OrganizationId { get; init; }

    /// <summary>The SeatTier's name, or <see cref="NoTier"/>.</summary>
    public string Tier { get; init; } = NoTier;

    public int Held { get; init; }

    /// <summary>
    /// The members of this tier listed in the organization (every status but Removed, seat or not), so the members
    /// page shows its total without counting a million rows (issue 19).
    /// </summary>
    public int Listed { get; init; }
}
