using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>One open held top-role change as the Identity and access page shows it.</summary>
public sealed record HeldTopRoleChangeView(Guid Id, Guid PersonId, string Email, string DisplayName, ChangeKind Change, Role FromRole, Role? ToRole,
    MembershipStatus ToStatus, string RequestedBy, string Reason, DateTimeOffset HeldAt)
{
    /// <summary>The reasons, to be worded in the reader's language (<see cref="StoredReasons"/>).</summary>
    public IReadOnlyList<OutcomeReason> Reasons { get; init; } = [];

    /// <summary>What the IdP asked, in a few words: "Remove", "Demote from Owner to User".</summary>
    public string Asked => Change switch
    {
        ChangeKind.Deprovision => "Remove from the organization",
        ChangeKind.Suspend => "Suspend",
        ChangeKind.BlockSignIn => "Block sign-in",
        ChangeKind.BecomePending => "Move to the seat queue",
        ChangeKind.Demote => $"Demote from {RoleCatalog.DisplayName(FromRole)} to {(ToRole is { } to ? RoleCatalog.DisplayName(to) : "another role")}",
        ChangeKind.Provision or ChangeKind.Promote or ChangeKind.TierChange or ChangeKind.Admit or ChangeKind.Restore => Change.ToString(),
    };
}
