using IdentityAccess.Core.Common;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members;

// One record per reason an owner's change to the member list can be refused; each message says what to do instead.

public sealed record NotAllowed(string Reason) : Error(Reason);

public sealed record MemberNotFound()
    : Error("This person is no longer a member here; someone may have removed them. Reload the page.");

public sealed record AlreadyListed(string Email, string OrganizationName, MembershipStatus Status) : Error(Describe(Email, OrganizationName, Status))
{
    private static string Describe(string email, string organization, MembershipStatus status) => status switch
    {
        MembershipStatus.PendingSeat => $"{email} is already waiting for a seat in {organization}. Buy seats to let them in.",
        MembershipStatus.Suspended => $"{email} is suspended in {organization} by directory sync. Reactivate them in your identity provider.",
        MembershipStatus.Active or MembershipStatus.LoginBlocked or MembershipStatus.Removed => $"{email} is already a member of {organization}.",
    };
}

public sealed record NoFreeSeat(SeatTier? Tier)
    : Error(Tier is { } tier ? $"No free {tier} seat. Buy seats first." : "No free seat. Buy seats first.");

public sealed record OnlyTopRoleChangesTopRole(string RoleName)
    : Error($"Only the organization's {RoleName}s can make someone {RoleName} or take {RoleName} away.");

public sealed record NoTopRoleLeft(string RoleName, string OrganizationName)
    : Error($"{OrganizationName} would have no {RoleName} left. Make someone else {RoleName} first.");

public sealed record LastTopRoleCannotLeave(string RoleName, string OrganizationName)
    : Error($"You are the last {RoleName} of {OrganizationName}, so you cannot remove yourself. Make someone else {RoleName} first.");

public sealed record ChangedMeanwhile()
    : Error("Someone changed these members at the same moment, so nothing was saved. Reload the page and try again.");
