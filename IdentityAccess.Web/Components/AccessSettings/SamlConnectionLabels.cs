using IdentityAccess.Core.Sso.Connections;

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
}
