using IdentityAccess.Core.Common;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Members;

// One record per reason an owner's change to the member list can be refused; each message says what to do instead.

public sealed record MemberNotFound()
    : NotFoundError("This person is no longer a member here; someone may have removed them. Reload the page.");

public sealed record AlreadyListed(string Email, string OrganizationName, MembershipStatus Status) : ConflictError(Describe(Email, OrganizationName, Status))
{
    private static string Describe(string email, string organization, MembershipStatus status) => status switch
    {
        MembershipStatus.PendingSeat => $"{email} is already waiting for a seat in {organization}. Buy seats to let them in.",
        MembershipStatus.Suspended => $"{email} is suspended in {organization} by directory sync. Reactivate them in your identity provider.",
        MembershipStatus.Invited => $"{email} is already invited to {organization}. Resend the invitation instead.",
        MembershipStatus.Active or MembershipStatus.LoginBlocked or MembershipStatus.Removed => $"{email} is already a member of {organization}.",
    };
}

public sealed record NoFreeSeat(SeatTier? Tier)
    : ConflictError(Tier is { } tier ? $"No free {tier} seat. Buy seats first." : "No free seat. Buy seats first.");

public sealed record OnlyTopRoleChangesTopRole(string RoleName)
    : NotAllowedError($"Only the organization's {RoleName}s can make someone {RoleName} or take {RoleName} away.");

public sealed record NoTopRoleLeft(string RoleName, string OrganizationName)
    : ConflictError($"{OrganizationName} would have no {RoleName} left. Make someone else {RoleName} first.");

public sealed record LastTopRoleCannotLeave(string RoleName, string OrganizationName)
    : ConflictError($"You are the last {RoleName} of {OrganizationName}, so you cannot remove yourself. Make someone else {RoleName} first.");
