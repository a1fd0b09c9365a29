namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>How close a trusted IdP certificate is to its end: sign-in fails the day the IdP signs with an expired one.</summary>
public enum CertificateExpiry
{
    Fine,
    Within30Days,
    Within7Days,
    Expired,
}

public static class CertificateExpiries
{
    public static CertificateExpiry Of(DateTimeOffset notAfter, DateTimeOffset now) => (notAfter - now).TotalDays switch
    {
        <= 0 => CertificateExpiry.Expired,
        <= 7 => CertificateExpiry.Within7Days,
        <= 30 => CertificateExpiry.Within30Days,
        _ => CertificateExpiry.Fine,
    };
}
