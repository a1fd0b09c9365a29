using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// A demotion or removal an IdP path asked for (SCIM, a JIT sign-in, Sync now, the scheduled reconcile) that would
/// have left the organization without an active member in its top role: everything else of that change was applied,
/// this was held. The member keeps their role until a top role or a parent admin applies it (typed confirmation) or
/// keeps the person; it resolves itself when the IdP stops asking.
/// </summary>
public sealed class HeldTopRoleChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; init; }

    public Guid PersonId { get; init; }

    /// <summary><see cref="ChangeKind.Demote"/>, <see cref="ChangeKind.Deprovision"/>, <see cref="ChangeKind.Suspend"/> or (JIT) <see cref="ChangeKind.BlockSignIn"/>.</summary>
    public ChangeKind Change { get; set; }

    public Role FromRole { get; init; }

    /// <summary>The role the IdP asked for; null for a removal or suspension.</summary>
    public Role? ToRole { get; set; }

    public MembershipStatus ToStatus { get; set; }

    /// <summary>Which path asked: "Directory sync (SCIM)", "SAML sign-in", "Sync now", "Scheduled reconcile".</summary>
    public string RequestedBy { get; set; } = "";

    /// <summary>The rule engine's reasons for the change, as asked.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The reasons as codes and values (<see cref="StoredReasons"/>); null on rows held before they were kept.</summary>
    public string? ReasonCodes { get; set; }

    public DateTimeOffset HeldAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>See <see cref="TopRoleHolds"/>: applied, applied automatically, kept, or withdrawn (the IdP stopped asking).</summary>
    public string? Resolution { get; set; }

    public string? ResolvedBy { get; set; }
}
