using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Web.Components.Members;

/// <summary>How membership states read on screen.</summary>
public static class MemberLabels
{
    /// <summary>A member the IdP deactivated, during the parent's removal grace period (ISO date: read the same in every locale).</summary>
    public static string RemovalDue(DateTimeOffset due) =>
        $"Suspended by your IdP — removed on {due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    public static string Status(MembershipStatus status) => status switch
    {
        MembershipStatus.Active => "Active",
        MembershipStatus.PendingSeat => "Pending a seat",
        MembershipStatus.LoginBlocked => "Sign-in blocked",
        MembershipStatus.Suspended => "Suspended",
        MembershipStatus.Removed => "Removed",
        MembershipStatus.Invited => "Invited",
    };

    public static string Source(MembershipSource source) => source switch
    {
        MembershipSource.Manual => "Manual",
        MembershipSource.Jit => "JIT sign-in",
        MembershipSource.Scim => "SCIM sync",
    };

    /// <summary>E.g. "Admin, Premium" for chat, "Developer" for Console.</summary>
    public static string RoleAndTier(Role role, SeatTier? tier) => tier is { } t ? $"{RoleCatalog.DisplayName(role)}, {t}" : RoleCatalog.DisplayName(role);
}
