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

    /// <summary>A valid person at the IdP who is nobody here, in an organization that does not provision just in time.</summary>
    NoAccountYet,

    /// <summary>
    /// Nobody here yet, and the asserted email's domain is not one the parent verified (another tenant's, or nobody's):
    /// such an address is never linked to a person nor given one, whatever the organization's mode.
    /// </summary>
    EmailDomainNotVerified,

    /// <summary>JIT with group mappings: in no group mapped to a role of the organization. The person stays listed.</summary>
    NotInMappedGroup,

    /// <summary>Provisioned, but every seat is taken: the person waits in the seat queue, where the owner sees them.</summary>
    NoSeatAvailable,

    /// <summary>Their membership was suspended or removed.</summary>
    MembershipEnded,
}
