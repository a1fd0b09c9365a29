namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>One SP key as the SSO panel lists it; never the private key.</summary>
/// <param name="CertificatePem">The public certificate, as the SP metadata publishes it (the management API hands it to the IdP's admins).</param>
public sealed record SamlSpKeyView(Guid Id, SamlSpKeyUse Use, SamlSpKeyStatus Status, string Fingerprint, DateTimeOffset CreatedAt, DateTimeOffset NotAfter,
    string CertificatePem);
