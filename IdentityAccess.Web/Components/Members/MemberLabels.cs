using System.Globalization;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.Members;

/// <summary>How membership states read on screen, in the reader's language; and in English for the CSV export.</summary>
public static class MemberLabels
{
    /// <summary>A member the IdP deactivated, during the parent's removal grace period (ISO date: read the same in every locale).</summary>
    public static string RemovalDue(IStringLocalizer localizer, DateTimeOffset due) =>
        localizer["Member.RemovalDue", due.ToString("yyyy-MM-dd", CultureInfo.CurrentCulture)];

    public static string Status(IStringLocalizer localizer, MembershipStatus status) => status switch
    {
        MembershipStatus.Active => localizer["Member.Status.Active"],
        MembershipStatus.PendingSeat => localizer["Member.Status.PendingSeat"],
        MembershipStatus.LoginBlocked => localizer["Member.Status.LoginBlocked"],
        MembershipStatus.Suspended => localizer["Member.Status.Suspended"],
        MembershipStatus.Removed => localizer["Member.Status.Removed"],
        MembershipStatus.Invited => localizer["Member.Status.Invited"],
    };

    public static string Source(IStringLocalizer localizer, MembershipSource source) => source switch
    {
        MembershipSource.Manual => localizer["Member.Source.Manual"],
        MembershipSource.Jit => localizer["Member.Source.Jit"],
        MembershipSource.Scim => localizer["Member.Source.Scim"],
    };

    /// <summary>The status in English, as the CSV export writes it (scripts read it, so it stays the same in every language).</summary>
    public static string Status(MembershipStatus status) => status switch
    {
        MembershipStatus.Active => "Active",
        MembershipStatus.PendingSeat => "Pending a seat",
        MembershipStatus.LoginBlocked => "Sign-in blocked",
        MembershipStatus.Suspended => "Suspended",
        MembershipStatus.Removed => "Removed",
        MembershipStatus.Invited => "Invited",
    };

    /// <summary>How the member was added, in English, as the CSV export writes it.</summary>
    public static string Source(MembershipSource source) => source switch
    {
        MembershipSource.Manual => "Manual",
        MembershipSource.Jit => "JIT sign-in",
        MembershipSource.Scim => "SCIM sync",
    };

    /// <summary>E.g. "Admin, Premium" for chat, "Developer" for Console: product names, the same in every language.</summary>
    public static string RoleAndTier(Role role, SeatTier? tier) => tier is { } t ? $"{RoleCatalog.DisplayName(role)}, {t}" : RoleCatalog.DisplayName(role);
}
