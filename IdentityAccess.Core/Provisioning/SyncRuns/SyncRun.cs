namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>
/// One Sync now started in the background (through the management API): who asked, what it reconciles, where it stands
/// and what it did. Kept in the database rather than in memory so that any instance of the app answers for it.
/// </summary>
public sealed class SyncRun
{
    public const int MaxCodeLength = 64;

    public const int MaxDetailLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    /// <summary>The organization synced; null for a Sync now of every organization of the parent.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>The organization, or the parent for a parent-wide run: at most one run per target is running (a filtered unique index).</summary>
    public Guid Target { get; init; }

    /// <summary>Who it acts as, checked again when it runs, as the portal's Sync now checks under its lock.</summary>
    public Guid RequestedByPersonId { get; init; }

    /// <summary>The API key it was started through, as the audit log names it (<see cref="Audit.ActingThroughApiKey"/>).</summary>
    public string? ViaApiKey { get; init; }

    public SyncRunState State { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// Last time the instance holding the run (queued or running) said it was alive (<see cref="SyncRunLiveness"/>): a
    /// run whose instance died stops being touched, and another instance then marks it abandoned.
    /// </summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>Memberships the sync changed (admitted, removed, role or tier changed), as Sync now counts them.</summary>
    public int? Changed { get; set; }

    /// <summary><see cref="Changed"/> by kind (<see cref="MembershipChangeCounts"/>); null on runs recorded before they were counted apart.</summary>
    public int? Admitted { get; set; }

    public int? Removed { get; set; }

    public int? RoleOrTierChanged { get; set; }

    public int? QueuedForSeat { get; set; }

    /// <summary>People waiting for a seat before the sync ran, and after it.</summary>
    public int? PendingBefore { get; set; }

    public int? StillPending { get; set; }

    /// <summary>Refused or failed: which refusal (the Core error's name) or <c>Failed</c>/<c>Abandoned</c>, and its category.</summary>
    public string? Code { get; set; }

    public string? Category { get; set; }

    public string? Detail { get; set; }
}
