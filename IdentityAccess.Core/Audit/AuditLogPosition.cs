namespace IdentityAccess.Core.Audit;

/// <summary>
/// Where a reader of the audit log (newest first) stopped: the time of the last entry it was given, and how many
/// entries of exactly that time it has been given. Entries written after the reader started are newer, so they never
/// shift what is still to read, as an offset would ("page 2" repeating the end of page 1).
/// </summary>
/// <remarks>
/// A count at that time, rather than the last entry's id, because many entries share one time (a Sync now writes its
/// entries at one instant) and ids are not comparable in SQL on every provider.
/// </remarks>
public sealed record AuditLogPosition(DateTimeOffset OccurredAt, int SeenAtThatTime)
{
    /// <summary>The position after <paramref name="page"/>, read from <paramref name="start"/> (null: the newest entry).</summary>
    public static AuditLogPosition After(IReadOnlyList<AuditEvent> page, AuditLogPosition? start)
    {
        ArgumentOutOfRangeException.ThrowIfZero(page.Count);
        var last = page[^1].OccurredAt;
        var seen = page.Count(e => e.OccurredAt == last);
        // A page all at the start's time continues the start's count; otherwise the count starts at this page's last time.
        return new AuditLogPosition(last, start is not null && start.OccurredAt == last ? start.SeenAtThatTime + seen : seen);
    }
}
