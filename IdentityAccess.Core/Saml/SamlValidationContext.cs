namespace IdentityAccess.Core.Saml;

/// <summary>Everything a Response is checked against, besides the Response itself.</summary>
/// <param name="ExpectedRequestId">
/// The ID of the AuthnRequest this browser sent to this IdP, taken from its one-use state (remove that state before
/// validating, so it is consumed even when validation fails). Null when the browser has no outstanding request:
/// the Response is then accepted only as IdP-initiated, if the connection allows it.
/// </param>
public sealed record SamlValidationContext(
    SamlServiceProviderSettings ServiceProvider,
    SamlIdpConnection IdentityProvider,
    string? ExpectedRequestId,
    TimeProvider TimeProvider,
    ISamlReplayCache ReplayCache)
{
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>Tolerance for clock differences with the IdP on every time check, and extra life in the replay cache.</summary>
    public TimeSpan ClockSkew { get; init; } = DefaultClockSkew;

    /// <summary>
    /// The SP's private keys an EncryptedAssertion may be encrypted to (the current one and, during a rotation, the next
    /// and the previous). Empty: encrypted assertions are refused. The caller owns and disposes them.
    /// </summary>
    public IReadOnlyList<System.Security.Cryptography.RSA> DecryptionKeys { get; init; } = [];

    /// <summary>
    /// Reads the <see cref="DecryptionKeys"/> only for a Response that carries an EncryptedAssertion: most IdPs do not
    /// encrypt, and a sign-in then reads no private key at all. The validator disposes the keys it read.
    /// </summary>
    public Func<CancellationToken, Task<IReadOnlyList<System.Security.Cryptography.RSA>>>? DecryptionKeySource { get; init; }

    public static readonly TimeSpan DefaultUnsolicitedMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>
    /// IdP-initiated only: how old its IssueInstant and AuthnInstant may be (plus the skew). Nothing binds such a Response
    /// to a browser, so this and the replay cache are what limit the use of a stolen one.
    /// </summary>
    public TimeSpan UnsolicitedMaxAge { get; init; } = DefaultUnsolicitedMaxAge;
}
