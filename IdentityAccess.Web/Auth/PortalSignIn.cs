using System.Security.Claims;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IdentityAccess.Web.Auth;

/// <summary>
/// The one way into, and out of, the portal's cookie session. Every sign-in path (the SAML ACS, Entra ID, an email
/// link) calls <see cref="SignInAsync"/> once it knows the person: a server-side session is created first and the
/// cookie carries only its id, so signing out, "sign out everywhere" and losing every role end it for good.
/// Never call <c>HttpContext.SignInAsync</c> for the portal's scheme anywhere else.
/// </summary>
internal static class PortalSignIn
{
    public static async Task SignInAsync(HttpContext http, Person person, string method)
    {
        var principal = await StartSessionAsync(http, person, method);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }

    /// <summary>
    /// For a sign-in that opened the session in its own transaction from <see cref="SessionRequest"/> (the SAML ACS:
    /// the session commits with the sign-in that grants it): only the cookie is left to write.
    /// </summary>
    public static Task SignInAsync(HttpContext http, Person person, PortalSession session) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Opened(http, person, session));

    /// <summary>
    /// The session this browser asks for. One browser, one session: signing in again (perhaps as someone else) ends the
    /// one this browser had, in the same transaction that opens the new one.
    /// </summary>
    public static PortalSessionRequest SessionRequest(HttpContext http, string method) =>
        new(method, UserAgentSummary.Describe(http.Request.Headers.UserAgent), http.User.GetSessionId());

    /// <summary>
    /// For a sign-in whose handler writes the cookie itself (Entra's OpenID Connect handler signs in with the principal
    /// it is handed): the session is created and its cookie principal returned.
    /// </summary>
    public static async Task<ClaimsPrincipal> StartSessionAsync(HttpContext http, Person person, string method)
    {
        var session = await http.RequestServices.GetRequiredService<PortalSessionService>()
            .CreateAsync(person.Id, SessionRequest(http, method), http.RequestAborted);
        return Opened(http, person, session);
    }

    private static ClaimsPrincipal Opened(HttpContext http, Person person, PortalSession session)
    {
        Localization.PortalLocalization.RestoreFor(http, person); // the language they picked before, in this browser too
        return PortalPrincipal.ForCookie(session);
    }

    /// <summary>Ends this browser's session on the server, then removes its cookie.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (http.User.GetSessionId() is { } session)
        {
            await http.RequestServices.GetRequiredService<PortalSessionService>().RevokeAsync(session, SessionRevocationReason.SignedOut, http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>Ends every session of the signed-in person, this one included.</summary>
    public static async Task SignOutEverywhereAsync(HttpContext http)
    {
        if (http.User.GetPersonId() is { } person && http.User.GetSessionId() is not null)
        {
            await http.RequestServices.GetRequiredService<PortalSessionService>()
                .RevokeAllAsync(person, SessionRevocationReason.SignedOutEverywhere, http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
