namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>
/// One of a parent organization's SAML SP keys: the parent's IdP encrypts to it, or the portal signs the parent's
/// AuthnRequests with it. The entityID is the portal's, but every parent registers the portal in its own IdP, so each
/// parent has keys of its own and rotates them without affecting another parent.
/// </summary>
public sealed class SamlSpKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParentOrganizationId { get; init; }

    public SamlSpKeyUse Use { get; init; }

    public SamlSpKeyStatus Status { get; set; }

    /// <summary>The self-signed certificate, public: what the SP metadata publishes.</summary>
    public required string CertificatePem { get; init; }

    /// <summary>The PKCS#8 private key, protected with ASP.NET Core Data Protection: never stored in the clear.</summary>
    public required byte[] ProtectedPrivateKey { get; init; }

    /// <summary>SHA-256 of the certificate, hex: how the panel and the audit log name the key.</summary>
    public required string Fingerprint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NotAfter { get; init; }
}
