using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Core.Saml;

/// <summary>What an IdP's metadata says about it, checked by <see cref="IdpMetadataReader"/>.</summary>
public sealed record IdpMetadata(string EntityId, Uri SingleSignOnUrl, IReadOnlyList<X509Certificate2> SigningCertificates)
{
    public SamlIdpConnection ToConnection(SamlAttributeProfile attributes) =>
        new(EntityId, SingleSignOnUrl, SigningCertificates, attributes);
}
