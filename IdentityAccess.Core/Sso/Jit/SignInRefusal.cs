using IdentityAccess.Core.Members;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Core.Sso.Jit;

/// <summary>Why a person who proved who they are still may not come in, and which organization the page names.</summary>
/// <param name="Status">The ended membership's status, for <see cref="SamlSignInFailure.MembershipEnded"/>.</param>
public sealed record SignInRefusal(SamlSignInFailure Failure, string OrganizationName, string Detail, MembershipStatus? Status = null)
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
            return new(SamlSignInFailure.MembershipEnded, ended.OrganizationName, $"membership {ended.Status}", ended.Status);
        }

        return new(SamlSignInFailure.NoAccountYet, "", "not a member of any organization of this parent");
    }

    /// <summary>The refusal as the provisioning log's phrase, which the portal says in the owner's language.</summary>
    public LogPhrase Why(string email) => Failure switch
    {
        SamlSignInFailure.NoSeatAvailable => LogPhrase.Of(LogPhraseCode.SignInWaitingForSeat, email, OrganizationName),
        SamlSignInFailure.NotInMappedGroup => LogPhrase.Of(LogPhraseCode.SignInNotInMappedGroup, email, OrganizationName),
        SamlSignInFailure.MembershipEnded => LogPhrase.Of(LogPhraseCode.SignInMembershipEnded, email, OrganizationName, Status?.ToString() ?? ""),
        SamlSignInFailure.NoLoginState or SamlSignInFailure.SsoNotAvailable or SamlSignInFailure.ResponseRejected or SamlSignInFailure.SubjectUnusable
            or SamlSignInFailure.NoAccountYet or SamlSignInFailure.EmailDomainNotVerified => LogPhrase.Of(LogPhraseCode.SignInNotAMember, email),
    };
}
