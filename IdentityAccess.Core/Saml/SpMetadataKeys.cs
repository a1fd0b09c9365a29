using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Core.Saml;

/// <summary>What SP metadata publishes about the SP's own keys: public certificates only, current first.</summary>
public sealed record SpMetadataKeys(IReadOnlyList<X509Certificate2> SigningCertificates, IReadOnlyList<X509Certificate2> EncryptionCertificates,
    bool AuthnRequestsSigned)
{
    public static readonly SpMetadataKeys None = new([], [], AuthnRequestsSigned: false);
}
