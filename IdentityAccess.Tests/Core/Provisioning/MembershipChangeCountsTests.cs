using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>Sync now's result by kind: each changed person counted once, a loss of access before anything else it came with.</summary>
public sealed class MembershipChangeCountsTests
{
    // Of reads the changes only; the person does not matter here.
    private static PersonOutcome Changed(MembershipStatus status, params ChangeKind[] changes) =>
        new(null!, new DesiredMembership(Role.User, SeatTier.Standard, status, MembershipSource.Scim), changes, [], false);

    [Fact]
    public void Of_EachKind_CountedOnce_AndTheTotalIsTheirSum()
    {
        var counts = MembershipChangeCounts.Of([
            Changed(MembershipStatus.Active, ChangeKind.Provision),
            Changed(MembershipStatus.Active, ChangeKind.Admit, ChangeKind.TierChange),
            Changed(MembershipStatus.Active, ChangeKind.Restore),
            Changed(MembershipStatus.Removed, ChangeKind.Deprovision),
            Changed(MembershipStatus.Suspended, ChangeKind.Suspend, ChangeKind.Demote),
            Changed(MembershipStatus.LoginBlocked, ChangeKind.BlockSignIn),
            Changed(MembershipStatus.Active, ChangeKind.Promote, ChangeKind.TierChange),
            Changed(MembershipStatus.PendingSeat, ChangeKind.BecomePending),
        ]);

        Assert.Equal(new MembershipChangeCounts(Admitted: 3, Removed: 3, RoleOrTierChanged: 1, QueuedForSeat: 1), counts);
        Assert.Equal(8, counts.Total);
        Assert.Equal(16, (counts + counts).Total);
    }

    [Fact]
    public void Of_Nothing_IsNone() => Assert.Equal(MembershipChangeCounts.None, MembershipChangeCounts.Of([]));
}
