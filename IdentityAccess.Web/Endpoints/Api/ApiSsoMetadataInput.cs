using IdentityAccess.Core.Sso.Connections;

namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A metadata import as read from either body: the XML or the URL (one of them), the preset, and names when sent.</summary>
internal sealed record ApiSsoMetadataInput(string? Xml, string? Url, SamlAttributePreset Preset, SamlCustomAttributes? Names);
