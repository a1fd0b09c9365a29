using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>Names the differences between a membership as stored and as desired.</summary>
internal static class ChangeDetector
{
    public static IReadOnlyList<ChangeKind> Detect(Product product, CurrentMembership? current, DesiredMembership? desired)
    {
        var wasMember = current?.IsMember == true;
        var willBeMember = desired is not null && desired.Status != MembershipStatus.Removed;
        if (!wasMember)
        {
            return !willBeMember ? []
                : desired!.Status == MembershipStatus.PendingSeat ? [ChangeKind.BecomePending] : [ChangeKind.Provision];
        }

        if (!willBeMember)
        {
            return [ChangeKind.Deprovision];
        }

        var changes = new List<ChangeKind>();
        var (from, to) = (current!.Status, desired!.Status);
        if (from != to)
        {
            changes.Add((from, to) switch
            {
                (MembershipStatus.PendingSeat, MembershipStatus.Active) => ChangeKind.Admit,
                (_, MembershipStatus.PendingSeat) => ChangeKind.BecomePending,
                (_, MembershipStatus.Suspended) => ChangeKind.Suspend,
                (_, MembershipStatus.LoginBlocked) => ChangeKind.BlockSignIn,
                _ => ChangeKind.Restore,
            });
        }

        if (current.Role != desired.Role && RoleCatalog.CheckRole(product, current.Role) is null)
        {
            changes.Add(RoleCatalog.Rank(product, desired.Role) < RoleCatalog.Rank(product, current.Role) ? ChangeKind.Promote : ChangeKind.Demote);
        }

        if (current.HoldsSeat && MembershipStatuses.HoldsSeat(desired.Status) && current.Tier != desired.Tier)
        {
            changes.Add(ChangeKind.TierChange);
        }

        return changes;
    }
}
