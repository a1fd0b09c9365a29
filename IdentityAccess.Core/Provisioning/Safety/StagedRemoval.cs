using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// A removal, suspension or demotion that a provisioning path wanted but the mass-change circuit breaker held back
/// for review, applied or discarded as a whole. The member keeps their access and role meanwhile.
/// </summary>
public sealed class StagedRemoval
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary><see cref="ChangeKind.Deprovision"/>, <see cref="ChangeKind.Suspend"/> or <see cref="ChangeKind.Demote"/>.</summary>
    public ChangeKind Change { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>The reasons as codes and values (<see cref="StoredReasons"/>); null on rows staged before they were kept.</summary>
    public string? ReasonCodes { get; set; }

    /// <summary>What the IdP asked, in words ("Owner → User", "removed"): the review shows it next to the person.</summary>
    public string Asked { get; set; } = "";

    /// <summary>For a demotion, the role held and the role asked, so the page words <see cref="Asked"/> in the reader's language.</summary>
    public Roles.Role? FromRole { get; set; }

    /// <inheritdoc cref="FromRole"/>
    public Roles.Role? ToRole { get; set; }

    /// <summary>The path that wanted it: directory sync (SCIM), a sign-in (JIT), Sync now, the scheduled reconcile, the grace period.</summary>
    public string Path { get; set; } = "";

    public DateTimeOffset StagedAt { get; init; }

    /// <summary>The owner approved: the next reconcile applies it and deletes this row.</summary>
    public bool Approved { get; set; }
}
