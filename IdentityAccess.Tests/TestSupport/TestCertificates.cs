using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>Self-signed certificates for Data Protection, written as PFX files the way an operator would provide one.</summary>
public static class TestCertificates
{
    public const string Password = "test-pfx-password";

    /// <summary>Writes a new RSA 2048 certificate with its private key to a PFX file in <paramref name="folder"/>; returns its path.</summary>
    public static string WritePfx(string folder, string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, $"{subject}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
