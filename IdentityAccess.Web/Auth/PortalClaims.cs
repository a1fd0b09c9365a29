namespace IdentityAccess.Web.Auth;

/// <summary>Claim types the portal's own session carries.</summary>
internal static class PortalClaims
{
    /// <summary>The signed-in person's stable id in IdentityAccess (not the IdP's subject, not the email).</summary>
    public const string PersonId = "ia_person";

    /// <summary>
    /// The server-side session (<see cref="Core.Sessions.PortalSession"/>) the cookie stands for. Checked on every request
    /// and on the live circuit: once revoked, the cookie is worth nothing.
    /// </summary>
    public const string SessionId = "ia_session";

    /// <summary>How the person signed in: <c>saml</c>, <c>entra</c>, <c>email-link</c>; on the request's principal only.</summary>
    public const string SignInMethod = "ia_signin";
}
