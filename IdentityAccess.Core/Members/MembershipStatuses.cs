namespace IdentityAccess.Core.Members;

public static class MembershipStatuses
{
    /// <summary>Statuses that count against purchased seats: active members and JIT members blocked from sign-in.</summary>
    public static bool HoldsSeat(MembershipStatus status) => status switch
    {
        MembershipStatus.Active or MembershipStatus.LoginBlocked => true,
        MembershipStatus.PendingSeat or MembershipStatus.Suspended or MembershipStatus.Removed => false,
    };

    /// <summary>Statuses shown in the member list as people of the organization (removed ones only in history).</summary>
    public static bool IsListed(MembershipStatus status) => status != MembershipStatus.Removed;
}
