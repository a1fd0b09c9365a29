using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>The nonce that binds a login (a sign-in or a test) to this browser, in a cookie sent only to the ACS.</summary>
internal static class SamlStateCookie
{
    public const string Name = "ia.saml";

    public static void Append(HttpContext http, string nonce) => http.Response.Cookies.Append(Name, nonce, new CookieOptions
    {
        HttpOnly = true,
        Path = SamlServiceProvider.AcsPath,
        MaxAge = SamlLoginStates.Lifetime,
        IsEssential = true,
        // The IdP's POST to the ACS is cross-site, and browsers send Lax cookies only on top-level GETs: over HTTPS
        // the cookie must be SameSite=None (which requires Secure). Plain HTTP (development, tests) keeps Lax.
        Secure = http.Request.IsHttps,
        SameSite = http.Request.IsHttps ? SameSiteMode.None : SameSiteMode.Lax,
    });
}
