namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// One outstanding SP-initiated login (SAML-SP.md §2 step 13): the AuthnRequest ID bound to one browser, used once.
/// </summary>
public sealed class SamlLoginState
{
    /// <summary>Random; sent to the IdP as RelayState and back with the Response.</summary>
    public required string Key { get; init; }

    public required string RequestId { get; init; }

    public Guid ParentOrganizationId { get; init; }

    /// <summary>SHA-256 of the nonce in the browser's HttpOnly cookie; the nonce itself is never stored.</summary>
    public required string NonceHash { get; init; }

    /// <summary>A local path, checked when stored and again when followed.</summary>
    public required string ReturnUrl { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>
    /// Set only when a parent admin started this login as a test sign-in (<see cref="TestSignIn.SamlTestSignIn"/>): the
    /// ACS then reports what it would do and signs nobody in. Fixed when the state is created, never changed after.
    /// </summary>
    public Guid? TestSignInId { get; init; }
}
