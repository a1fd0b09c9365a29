using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Core.Saml;

/// <summary>One trusted identity provider, as the admin configured it (usually from <see cref="IdpMetadataReader"/>).</summary>
public sealed record SamlIdpConnection
{
    public SamlIdpConnection(
        string entityId,
        Uri singleSignOnUrl,
        IReadOnlyList<X509Certificate2> signingCertificates,
        SamlAttributeProfile attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentNullException.ThrowIfNull(singleSignOnUrl);
        ArgumentNullException.ThrowIfNull(signingCertificates);
        ArgumentNullException.ThrowIfNull(attributes);
        EntityId = entityId;
        SingleSignOnUrl = singleSignOnUrl;
        SigningCertificates = signingCertificates;
        Attributes = attributes;
    }

    /// <summary>Must equal the Issuer of every Response and Assertion accepted from this IdP.</summary>
    public string EntityId { get; }

    /// <summary>The IdP's SingleSignOnService for the HTTP-Redirect binding.</summary>
    public Uri SingleSignOnUrl { get; }

    /// <summary>
    /// The pinned signing certificates; several during a rollover. Only their public keys are used: KeyInfo in a
    /// response is never trusted, and no chain is built (IdP certificates are usually self-signed).
    /// </summary>
    public IReadOnlyList<X509Certificate2> SigningCertificates { get; }

    public SamlAttributeProfile Attributes { get; }

    /// <summary>Accept responses without InResponseTo (login started at the IdP). Off by default: it invites login CSRF.</summary>
    public bool AllowIdpInitiated { get; init; }

    /// <summary>
    /// Require a signature on the Assertion itself, as our metadata asks (WantAssertionsSigned). Turn off only for an
    /// IdP that signs just the Response (Keycloak's default); the Response signature then covers the assertion.
    /// </summary>
    public bool RequireSignedAssertion { get; init; } = true;
}
