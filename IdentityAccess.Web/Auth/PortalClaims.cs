namespace IdentityAccess.Web.Auth;

/// <summary>Claim types the portal's own session carries.</summary>
internal static class PortalClaims
{
    /// <summary>The signed-in person's stable id in IdentityAccess (not the IdP's subject, not the email).</summary>
    public const string PersonId = "ia_person";

    /// <summary>How the person signed in: <c>entra</c>, <c>development</c>, later <c>saml</c>.</summary>
    public const string SignInMethod = "ia_signin";
}
