namespace IdentityAccess.Core.Sso.Connections;

/// <summary>Why an SP-initiated SAML sign-in did not sign anyone in.</summary>
public enum SamlSignInFailure
{
    /// <summary>No outstanding login for this browser: unknown, expired or used state, or another browser's cookie.</summary>
    NoLoginState,

    /// <summary>The parent has no enabled SSO connection (any more).</summary>
    SsoNotAvailable,

    /// <summary>The Response failed validation; the detail holds the <see cref="Saml.SamlRejection"/>.</summary>
    ResponseRejected,

    /// <summary>The assertion is valid but carries no usable subject (attribute profile mismatch).</summary>
    SubjectUnusable,

    /// <summary>A valid person at the IdP with no account here yet (JIT provisioning comes later).</summary>
    NoAccountYet,
}
