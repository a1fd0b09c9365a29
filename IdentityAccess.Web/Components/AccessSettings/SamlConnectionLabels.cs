using System.Globalization;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Metadata;
using Microsoft.Extensions.Localization;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>How the SSO connection reads on screen, in the reader's language. The IdPs' names are their own, in every language.</summary>
internal static class SamlConnectionLabels
{
    public static string Preset(IStringLocalizer localizer, SamlAttributePreset preset) => preset switch
    {
        SamlAttributePreset.EntraId => "Microsoft Entra ID",
        SamlAttributePreset.Okta => "Okta",
        SamlAttributePreset.GoogleWorkspace => "Google Workspace",
        SamlAttributePreset.OneLogin => "OneLogin",
        SamlAttributePreset.JumpCloud => "JumpCloud",
        SamlAttributePreset.PingOne => "PingOne",
        SamlAttributePreset.Adfs => "AD FS",
        SamlAttributePreset.Custom => localizer["Sso.Preset.Custom"],
    };

    /// <summary>The "SSO connection" row of the global status.</summary>
    public static string Status(IStringLocalizer localizer, SamlConnectionView? view) => view?.Connection switch
    {
        null => localizer["Identity.NotConfigured"],
        { Enabled: true } => localizer["Sso.Status.Enabled"],
        _ => localizer["Sso.Status.ConfiguredOff"],
    };

    /// <summary>Beside a trusted certificate; null while it has more than 30 days left.</summary>
    public static string? Expiry(IStringLocalizer localizer, CertificateExpiry expiry) => expiry switch
    {
        CertificateExpiry.Fine => null,
        CertificateExpiry.Within30Days => localizer["Sso.Expiry.Within30Days"].Value,
        CertificateExpiry.Within7Days => localizer["Sso.Expiry.Within7Days"].Value,
        CertificateExpiry.Expired => localizer["Sso.Expiry.Expired"].Value,
    };

    /// <summary>
    /// UTC, to the minute: the panel is read by admins in many time zones, and the audit log is in UTC too. The ISO order
    /// in every language, with the reader's time separator (09:30, 09.30 in Indonesian).
    /// </summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.CurrentCulture);
}
