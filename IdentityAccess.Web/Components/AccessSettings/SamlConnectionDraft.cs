using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Components.AccessSettings;

/// <summary>The IdP metadata and attribute names typed on the SSO panel and not imported yet.</summary>
/// <param name="Custom">The custom attribute names, when <paramref name="Preset"/> is <see cref="SamlAttributePreset.Custom"/>.</param>
public sealed record SamlConnectionDraft(string? Metadata, SamlAttributePreset Preset, SamlCustomAttributes? Custom);
