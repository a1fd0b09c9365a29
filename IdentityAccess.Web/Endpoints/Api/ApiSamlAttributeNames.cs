using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The attribute names the connection reads, and the preset they started from.</summary>
/// <param name="ChangedFromPreset">A parent admin changed a name since picking the preset.</param>
internal sealed record ApiSamlAttributeNames(string Preset, bool ChangedFromPreset, ApiSamlNames Names)
{
    public static ApiSamlAttributeNames From(SamlAttributeNamesView view) => new(view.Preset.ToString(), view.ChangedFromPreset, ApiSamlNames.From(view.Names));
}
