using IdentityAccess.Core.Members;

namespace IdentityAccess.Web.Components.Members;

/// <summary>How membership states read on screen.</summary>
public static class MemberLabels
{
    public static string Status(MembershipStatus status) => status switch
    {
        MembershipStatus.Active => "Active",
        MembershipStatus.PendingSeat => "Pending a seat",
        MembershipStatus.LoginBlocked => "Sign-in blocked",
        MembershipStatus.Suspended => "Suspended",
        MembershipStatus.Removed => "Removed",
    };

    public static string Source(MembershipSource source) => source switch
    {
        MembershipSource.Manual => "Manual",
        MembershipSource.Jit => "JIT sign-in",
        MembershipSource.Scim => "SCIM sync",
    };
}
