using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Core.Sso.SpKeys;

/// <summary>
/// Makes a new SP key: RSA-3072 in a self-signed certificate, which SAML uses only as a container for the public key
/// (IdPs pin it from the metadata; no chain is built). Valid five years, so expiry never surprises a rotation schedule.
/// </summary>
internal static class SamlSpKeyFactory
{
    public const int KeyBits = 3072;

    public static SamlSpKey Create(Guid parentId, SamlSpKeyUse use, SamlSpKeyStatus status, ISamlSpKeyProtector protector, ISpKeyPairSource keyPairs,
        DateTimeOffset now)
    {
        using var rsa = keyPairs.NewKeyPair();
        if (rsa.KeySize != KeyBits)
        {
            // The source is a seam for tests; no source may make the parent's keys weaker (or other) than RSA-3072.
            throw new InvalidOperationException($"An SP key pair must be RSA-{KeyBits}; the source gave {rsa.KeySize} bits.");
        }

        var request = new CertificateRequest($"CN=IdentityAccess SAML SP {use.ToString().ToLowerInvariant()} {now:yyyy-MM-dd}", rsa,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            use == SamlSpKeyUse.Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var privateKey = rsa.ExportPkcs8PrivateKey();
        try
        {
            return new SamlSpKey
            {
                ParentOrganizationId = parentId,
                Use = use,
                Status = status,
                CertificatePem = certificate.ExportCertificatePem(),
                ProtectedPrivateKey = protector.Protect(privateKey),
                Fingerprint = Convert.ToHexString(SHA256.HashData(certificate.RawData)),
                CreatedAt = now,
                NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    public static X509Certificate2 Certificate(SamlSpKey key) => X509Certificate2.CreateFromPem(key.CertificatePem);

    public static RSA PrivateKey(SamlSpKey key, ISamlSpKeyProtector protector)
    {
        var privateKey = protector.Unprotect(key.ProtectedPrivateKey);
        try
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(privateKey, out _);
            return rsa;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }
}
