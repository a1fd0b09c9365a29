using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>SHA-256 fingerprints of trusted certificates, as audit entries and the SSO panel show them.</summary>
public static class CertificateFingerprints
{
    /// <summary>Upper-case hex pairs separated by colons, the form IdP admin consoles show.</summary>
    public static string Sha256(X509Certificate2 certificate) =>
        Convert.ToHexString(SHA256.HashData(certificate.RawData)).Chunk(2).Aggregate("", (text, pair) =>
            text.Length == 0 ? new string(pair) : $"{text}:{new string(pair)}");

    public static IReadOnlyList<string> Sha256(IEnumerable<X509Certificate2> certificates) =>
        [.. certificates.Select(Sha256).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>True when both lists trust exactly the same certificates, whatever their order.</summary>
    public static bool SameKeys(IEnumerable<X509Certificate2> before, IEnumerable<X509Certificate2> after) =>
        Sha256(before).SequenceEqual(Sha256(after));
}
