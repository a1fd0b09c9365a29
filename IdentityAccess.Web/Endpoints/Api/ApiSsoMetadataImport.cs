namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>The IdP's metadata to import as JSON: pasted (<paramref name="MetadataXml"/>) or fetched from its URL (<paramref name="MetadataUrl"/>), one of them.</summary>
/// <param name="MetadataUrl">An https URL the portal fetches now and again daily (a certificate rollover arrives by itself); public addresses only.</param>
/// <param name="Preset">The IdP the attribute names start from, as the panel's preset list (<c>EntraId</c>, <c>Okta</c>, … <c>Custom</c>).</param>
/// <param name="Names">Attribute names of your own (required with <c>Custom</c>); not sent: the preset's, or the names kept when the same IdP's metadata is replaced with the same preset.</param>
internal sealed record ApiSsoMetadataImport(string? MetadataXml, string? MetadataUrl, string? Preset, ApiSamlNames? Names);
