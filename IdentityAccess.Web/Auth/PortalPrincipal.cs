using System.Security.Claims;
using IdentityAccess.Core.Sessions;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IdentityAccess.Web.Auth;

/// <summary>The portal session's two principals: what the cookie holds, and what a request sees once the session is checked.</summary>
internal static class PortalPrincipal
{
    /// <summary>
    /// The cookie holds the session's id and its person, nothing else: no name or email that could go stale, no role
    /// (roles are read from the database on every check).
    /// </summary>
    public static ClaimsPrincipal ForCookie(PortalSession session) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.PersonId.ToString()),
                new Claim(PortalClaims.PersonId, session.PersonId.ToString()),
                new Claim(PortalClaims.SessionId, session.Id.ToString()),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>A checked session's principal for this request: the person's name and email as the database has them now.</summary>
    public static ClaimsPrincipal ForRequest(PortalSessionCheck session) =>
        For(session.PersonId, session.DisplayName, session.Email, session.SignInMethod, session.SessionId);

    /// <summary>
    /// The request principal without a server session: only for a scheme that checks who the caller is on every
    /// request by itself (the tests' header scheme). Circuits refuse it, having no session to re-check.
    /// </summary>
    public static ClaimsPrincipal WithoutSession(Guid personId, string displayName, string email, string method) =>
        For(personId, displayName, email, method, null);

    private static ClaimsPrincipal For(Guid personId, string displayName, string email, string method, Guid? sessionId)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, personId.ToString()),
            new Claim(PortalClaims.PersonId, personId.ToString()),
            new Claim(ClaimTypes.Name, displayName),
            new Claim(ClaimTypes.Email, email),
            new Claim(PortalClaims.SignInMethod, method),
        ];
        if (sessionId is { } id)
        {
            claims.Add(new Claim(PortalClaims.SessionId, id.ToString()));
        }

        return new(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
