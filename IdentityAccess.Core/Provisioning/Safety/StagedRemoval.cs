using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// A removal or suspension that directory sync wanted but the mass-removal circuit breaker held back for the
/// owner to approve or reject. The member keeps their access meanwhile.
/// </summary>
public sealed class StagedRemoval
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary><see cref="ChangeKind.Deprovision"/> or <see cref="ChangeKind.Suspend"/>.</summary>
    public ChangeKind Change { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset StagedAt { get; init; }

    /// <summary>The owner approved: the next reconcile applies it and deletes this row.</summary>
    public bool Approved { get; set; }
}
