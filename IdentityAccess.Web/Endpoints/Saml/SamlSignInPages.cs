using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Web.Components.Pages;
using IdentityAccess.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>What the person sees when SAML sign-in fails: a 4xx page in words, never the technical reason (that is logged).</summary>
internal static class SamlSignInPages
{
    /// <summary>
    /// The page for a failed SAML sign-in, in the person's language: the culture cookie does not come with the IdP's
    /// cross-site POST (it is SameSite=Lax), so their browser's languages decide there.
    /// </summary>
    public static RazorComponentResult<SamlProblemPage> Problem(HttpContext http, SamlSignInFailure failure, string? organization = null)
    {
        var words = Words(http);
        var status = failure is SamlSignInFailure.NoLoginState or SamlSignInFailure.SsoNotAvailable or SamlSignInFailure.ResponseRejected
            or SamlSignInFailure.SubjectUnusable ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
        // The organization named here is the parent for a domain not verified (its verified domains decide).
        return Page(http, status, words[$"Problem.{failure}.Title", organization ?? ""], words[$"Problem.{failure}.Message", organization ?? ""]);
    }

    /// <summary>The portal's words in the request's language, for an endpoint that renders a page.</summary>
    public static IStringLocalizer<Portal> Words(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<Portal>>();

    public static RazorComponentResult<SamlProblemPage> Page(HttpContext http, int status, string title, string message) =>
        new(new { Title = title, Message = message, Reference = http.TraceIdentifier }) { StatusCode = status };
}
