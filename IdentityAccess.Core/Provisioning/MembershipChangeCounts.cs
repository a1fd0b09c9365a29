using IdentityAccess.Core.Provisioning.Engine;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The memberships a reconcile changed, by what happened to each person, each person counted once: admitted (now an
/// active member), removed (deprovisioned, suspended or their sign-in blocked), queued for a seat (now waiting for
/// one), or only given another role or seat tier. <see cref="Total"/> is the one number Sync now said before.
/// </summary>
public sealed record MembershipChangeCounts(int Admitted, int Removed, int RoleOrTierChanged, int QueuedForSeat)
{
    public static readonly MembershipChangeCounts None = new(0, 0, 0, 0);

    public int Total => Admitted + Removed + RoleOrTierChanged + QueuedForSeat;

    public static MembershipChangeCounts operator +(MembershipChangeCounts left, MembershipChangeCounts right) =>
        new(left.Admitted + right.Admitted, left.Removed + right.Removed, left.RoleOrTierChanged + right.RoleOrTierChanged,
            left.QueuedForSeat + right.QueuedForSeat);

    /// <summary>The outcomes a plan applied (those with changes); a loss of access outranks the rest, so a demoted and suspended person is removed.</summary>
    public static MembershipChangeCounts Of(IEnumerable<PersonOutcome> applied)
    {
        var (admitted, removed, roleOrTier, queued) = (0, 0, 0, 0);
        foreach (var changes in applied.Select(o => o.Changes))
        {
            if (changes.Any(c => c is ChangeKind.Deprovision or ChangeKind.Suspend or ChangeKind.BlockSignIn))
            {
                removed++;
            }
            else if (changes.Contains(ChangeKind.BecomePending))
            {
                queued++;
            }
            else if (changes.Any(c => c is ChangeKind.Provision or ChangeKind.Admit or ChangeKind.Restore))
            {
                admitted++;
            }
            else
            {
                roleOrTier++;
            }
        }

        return new(admitted, removed, roleOrTier, queued);
    }
}
