using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>Names the differences between a membership as stored and as desired.</summary>
internal static class ChangeDetector
{
    /// <summary>The most changes one membership can have: its status, its role and its tier.</summary>
    public const int MostChanges = 3;

    /// <summary>Writes the changes into <paramref name="changes"/> (<see cref="MostChanges"/> long) and says how many: a plan of a million allocates no list a person.</summary>
    public static int Detect(Product product, CurrentMembership? current, DesiredMembership? desired, Span<ChangeKind> changes)
    {
        var wasMember = current?.IsMember == true;
        var willBeMember = desired is not null && desired.Status != MembershipStatus.Removed;
        if (!wasMember)
        {
            if (!willBeMember)
            {
                return 0;
            }

            changes[0] = desired!.Status == MembershipStatus.PendingSeat ? ChangeKind.BecomePending : ChangeKind.Provision;
            return 1;
        }

        if (!willBeMember)
        {
            changes[0] = ChangeKind.Deprovision;
            return 1;
        }

        var count = 0;
        var (from, to) = (current!.Status, desired!.Status);
        if (from != to)
        {
            changes[count++] = (from, to) switch
            {
                (MembershipStatus.PendingSeat, MembershipStatus.Active) => ChangeKind.Admit,
                (_, MembershipStatus.PendingSeat) => ChangeKind.BecomePending,
                (_, MembershipStatus.Suspended) => ChangeKind.Suspend,
                (_, MembershipStatus.LoginBlocked) => ChangeKind.BlockSignIn,
                _ => ChangeKind.Restore,
            };
        }

        if (current.Role != desired.Role && RoleCatalog.CheckRole(product, current.Role) is null)
        {
            changes[count++] = RoleCatalog.Rank(product, desired.Role) < RoleCatalog.Rank(product, current.Role) ? ChangeKind.Promote : ChangeKind.Demote;
        }

        if (current.HoldsSeat && MembershipStatuses.HoldsSeat(desired.Status) && current.Tier != desired.Tier)
        {
            changes[count++] = ChangeKind.TierChange;
        }

        return count;
    }
}
