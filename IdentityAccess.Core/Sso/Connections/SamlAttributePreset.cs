namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The IdP a connection's attribute names started from (<see cref="SamlAttributePresets"/>); a parent admin may
/// change any name afterwards. Stored as text: append new presets, never rename one.
/// </summary>
public enum SamlAttributePreset
{
    EntraId,
    Okta,
    Custom,
    GoogleWorkspace,
    OneLogin,
    JumpCloud,
    PingOne,
    Adfs,
}
