using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Web.Components.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>What the person sees when SAML sign-in fails: a 4xx page in words, never the technical reason (that is logged).</summary>
internal static class SamlSignInPages
{
    public static RazorComponentResult<SamlProblemPage> Problem(HttpContext http, SamlSignInFailure failure, string? organization = null)
    {
        var (status, title, message) = failure switch
        {
            SamlSignInFailure.NoLoginState => (StatusCodes.Status400BadRequest, "This sign-in has expired",
                "The sign-in took too long, was already completed, or was started in another browser. Start again from the sign-in page."),
            SamlSignInFailure.SsoNotAvailable => (StatusCodes.Status400BadRequest, "Single sign-on is not available",
                "Single sign-on is not turned on for your organization right now. Ask your administrator."),
            SamlSignInFailure.ResponseRejected => (StatusCodes.Status400BadRequest, "Your sign-in could not be accepted",
                "The answer from your identity provider did not pass our checks. Try again; if it keeps happening, give this reference to your administrator."),
            SamlSignInFailure.SubjectUnusable => (StatusCodes.Status400BadRequest, "Your sign-in could not be accepted",
                "Your identity provider did not say who you are in the way your organization's SSO settings expect. Give this reference to your administrator."),
            SamlSignInFailure.NoAccountYet => (StatusCodes.Status403Forbidden, "You have no access yet",
                "You signed in with your organization's identity provider, but you have no IdentityAccess account yet. Ask an administrator of your organization to add you."),
            // The organization here is the parent organization, whose verified domains decide.
            SamlSignInFailure.EmailDomainNotVerified => (StatusCodes.Status403Forbidden, "Your email's domain is not verified for this organization",
                $"Your email's domain is not one of {organization}'s verified domains, so you cannot be signed in or given an account through its " +
                $"identity provider. Sign in with your {organization} email address, or ask an administrator of {organization} to verify your domain."),
            SamlSignInFailure.NotInMappedGroup => (StatusCodes.Status403Forbidden, $"You are not in a group that grants access to {organization}",
                $"You signed in with your organization's identity provider, but none of your groups gives access to {organization}. " +
                "Ask your administrator to add you to the right group, then sign in again."),
            SamlSignInFailure.NoSeatAvailable => (StatusCodes.Status403Forbidden, "No seat available",
                $"Every seat in {organization} is taken, so you are on its waiting list. Your administrator has been told; " +
                "you can sign in as soon as a seat is free for you."),
            SamlSignInFailure.MembershipEnded => (StatusCodes.Status403Forbidden, "Your access has ended",
                $"Your membership of {organization} was suspended or removed. Ask an administrator of your organization if this is a mistake."),
        };
        return Page(http, status, title, message);
    }

    public static RazorComponentResult<SamlProblemPage> Page(HttpContext http, int status, string title, string message) =>
        new(new { Title = title, Message = message, Reference = http.TraceIdentifier }) { StatusCode = status };
}
