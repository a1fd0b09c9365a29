using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>How the dry run's changes read on screen.</summary>
public static class ChangeLabels
{
    /// <summary>The order the diff lists them in: what takes access away first.</summary>
    public static IReadOnlyList<ChangeKind> Order { get; } =
    [
        ChangeKind.Deprovision, ChangeKind.Suspend, ChangeKind.BlockSignIn, ChangeKind.Demote, ChangeKind.BecomePending,
        ChangeKind.TierChange, ChangeKind.Promote, ChangeKind.Provision, ChangeKind.Admit, ChangeKind.Restore,
    ];

    public static string Title(ChangeKind kind) => kind switch
    {
        ChangeKind.Provision => "Provisioned",
        ChangeKind.Deprovision => "Deprovisioned (removed)",
        ChangeKind.Promote => "Promoted",
        ChangeKind.Demote => "Demoted",
        ChangeKind.TierChange => "Seat tier changed",
        ChangeKind.BecomePending => "Pending a seat (no free seat)",
        ChangeKind.Admit => "Admitted from the seat queue",
        ChangeKind.Suspend => "Suspended",
        ChangeKind.Restore => "Restored",
        ChangeKind.BlockSignIn => "Blocked from signing in",
    };

    public static string Detail(PersonOutcome outcome)
    {
        var current = outcome.Person.Membership;
        var desired = outcome.Desired;
        var from = current is { IsMember: true } ? $"{RoleCatalog.DisplayName(current.Role)}{Tier(current.Tier)}" : "not a member";
        var to = desired is null || desired.Status == Core.Members.MembershipStatus.Removed ? "not a member" : $"{RoleCatalog.DisplayName(desired.Role)}{Tier(desired.Tier)}";
        return from == to ? to : $"{from} → {to}";
    }

    private static string Tier(SeatTier? tier) => tier is { } t ? $", {t}" : "";
}
