using IdentityAccess.Core.Members;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>Why a person who proved who they are still may not come in, and which organization the page names.</summary>
public sealed record SignInRefusal(SamlSignInFailure Failure, string OrganizationName, string Detail)
{
    /// <summary>Null when an active membership in any organization of the parent lets them in.</summary>
    public static SignInRefusal? For(IReadOnlyList<OrganizationAccess> access)
    {
        if (access.Any(a => a.CanSignIn))
        {
            return null;
        }

        // The most useful news first: a seat is on its way, then a group to ask for, then an ended membership.
        if (access.FirstOrDefault(a => a.Status == MembershipStatus.PendingSeat) is { } waiting)
        {
            return new(SamlSignInFailure.NoSeatAvailable, waiting.OrganizationName, "waiting for a free seat");
        }

        if (access.FirstOrDefault(a => a.ProvisionsJustInTime && a.Status is null or MembershipStatus.LoginBlocked) is { } noGroup)
        {
            return new(SamlSignInFailure.NotInMappedGroup, noGroup.OrganizationName, noGroup.Reason ?? "in no group mapped to a role");
        }

        if (access.FirstOrDefault(a => a.Status is not null) is { } ended)
        {
            return new(SamlSignInFailure.MembershipEnded, ended.OrganizationName, $"membership {ended.Status}");
        }

        return new(SamlSignInFailure.NoAccountYet, "", "not a member of any organization of this parent");
    }
}
