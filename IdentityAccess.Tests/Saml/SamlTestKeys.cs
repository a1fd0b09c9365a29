using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Tests.Saml;

/// <summary>Keys generated once per test run: nothing secret is checked in, and nothing expires.</summary>
internal static class SamlTestKeys
{
    private static readonly Lazy<X509Certificate2> _idp = new(() => SelfSigned("CN=Test IdP", 2048));
    private static readonly Lazy<X509Certificate2> _idpNext = new(() => SelfSigned("CN=Test IdP (next)", 2048));
    private static readonly Lazy<X509Certificate2> _attacker = new(() => SelfSigned("CN=Attacker", 2048));
    private static readonly Lazy<X509Certificate2> _sp = new(() => SelfSigned("CN=Test SP encryption", 2048));
    private static readonly Lazy<X509Certificate2> _spNext = new(() => SelfSigned("CN=Test SP encryption (next)", 2048));
    private static readonly Lazy<X509Certificate2> _weak = new(() => SelfSigned("CN=Weak IdP", 1024));

    /// <summary>The IdP's signing certificate, with its private key.</summary>
    public static X509Certificate2 Idp => _idp.Value;

    /// <summary>The certificate the IdP rolls over to.</summary>
    public static X509Certificate2 IdpNext => _idpNext.Value;

    public static X509Certificate2 Attacker => _attacker.Value;

    /// <summary>The SP's encryption certificate, with its private key.</summary>
    public static X509Certificate2 SpEncryption => _sp.Value;

    /// <summary>The SP's encryption certificate it rotates to.</summary>
    public static X509Certificate2 SpEncryptionNext => _spNext.Value;

    /// <summary>A 1024-bit RSA certificate, below the minimum.</summary>
    public static X509Certificate2 Weak => _weak.Value;

    /// <summary>The public half only, as an admin would configure it from metadata.</summary>
    public static X509Certificate2 PublicOnly(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    public static string Base64(X509Certificate2 certificate) => Convert.ToBase64String(certificate.RawData);

    public static X509Certificate2 EcdsaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ECDSA IdP", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 SelfSigned(string subject, int bits)
    {
        using var key = RSA.Create(bits);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        // Round trip through PKCS#12 so the private key is usable on every platform, as TOOLCHAIN.md §7 found.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
