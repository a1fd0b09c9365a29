using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;

namespace IdentityAccess.Web.Components.AccessSettings;

internal static class SamlConnectionLabels
{
    public static string Preset(SamlAttributePreset preset) => preset switch
    {
        SamlAttributePreset.EntraId => "Microsoft Entra ID",
        SamlAttributePreset.Okta => "Okta",
        SamlAttributePreset.GoogleWorkspace => "Google Workspace",
        SamlAttributePreset.OneLogin => "OneLogin",
        SamlAttributePreset.JumpCloud => "JumpCloud",
        SamlAttributePreset.PingOne => "PingOne",
        SamlAttributePreset.Adfs => "AD FS",
        SamlAttributePreset.Custom => "Custom attribute names",
    };

    /// <summary>The "SSO connection" row of the global status.</summary>
    public static string Status(SamlConnectionView? view) => view?.Connection switch
    {
        null => "Not configured",
        { Enabled: true } => "Enabled",
        _ => "Configured, off",
    };

    /// <summary>Beside a trusted certificate; null while it has more than 30 days left.</summary>
    public static string? Expiry(CertificateExpiry expiry) => expiry switch
    {
        CertificateExpiry.Fine => null,
        CertificateExpiry.Within30Days => "ends within 30 days",
        CertificateExpiry.Within7Days => "ends within 7 days",
        CertificateExpiry.Expired => "has ended",
    };

    /// <summary>UTC, to the minute: the panel is read by admins in many time zones, and the audit log is in UTC too.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
