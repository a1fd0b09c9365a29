namespace IdentityAccess.Core.Sso.Connections;

/// <summary>Which attribute names a connection reads; the presets match the IdPs' defaults.</summary>
public enum SamlAttributePreset
{
    EntraId,
    Okta,
    Custom,
}
