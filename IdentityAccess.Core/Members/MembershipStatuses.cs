namespace IdentityAccess.Core.Members;

public static class MembershipStatuses
{
    /// <summary>
    /// Statuses that count against purchased seats: active members, JIT members blocked from sign-in, and invitations not
    /// accepted yet (the seat is kept for the invited person). The database's seat counters (triggers) use the same list.
    /// </summary>
    public static bool HoldsSeat(MembershipStatus status) => status switch
    {
        MembershipStatus.Active or MembershipStatus.LoginBlocked or MembershipStatus.Invited => true,
        MembershipStatus.PendingSeat or MembershipStatus.Suspended or MembershipStatus.Removed => false,
    };

    /// <summary>Statuses shown in the member list as people of the organization (removed ones only in history).</summary>
    public static bool IsListed(MembershipStatus status) => status != MembershipStatus.Removed;
}
