using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A signing certificate the parent trusts: sign-in fails the day the IdP signs with an expired one.</summary>
/// <param name="DaysToExpiry">Whole days left, negative once expired.</param>
/// <param name="Expiry"><c>Fine</c>, <c>Within30Days</c>, <c>Within7Days</c> or <c>Expired</c>, as the panel warns.</param>
/// <param name="Sha256Fingerprint">Colon-separated hex pairs, as IdP consoles and the audit log show it.</param>
internal sealed record ApiIdpCertificate(string Subject, DateTimeOffset NotAfter, int DaysToExpiry, string Expiry, int KeyBits, string Sha256Fingerprint,
    string Thumbprint)
{
    public static ApiIdpCertificate From(SamlCertificateView certificate, DateTimeOffset now) => new(certificate.Subject, certificate.NotAfter,
        (int)Math.Floor((certificate.NotAfter - now).TotalDays), certificate.Expiry.ToString(), certificate.KeyBits, certificate.Fingerprint,
        certificate.Thumbprint);
}
