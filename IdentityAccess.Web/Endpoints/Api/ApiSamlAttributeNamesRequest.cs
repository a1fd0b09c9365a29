namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>New attribute names for the connection, as the attribute names editor saves them.</summary>
/// <param name="Preset">The IdP the names start from (<c>EntraId</c>, <c>Okta</c>, <c>GoogleWorkspace</c>, <c>OneLogin</c>, <c>JumpCloud</c>, <c>PingOne</c>, <c>Adfs</c>, <c>Custom</c>).</param>
/// <param name="Names">The names, all of them (what is not sent is none); not sent: the preset's own names.</param>
internal sealed record ApiSamlAttributeNamesRequest(string? Preset, ApiSamlNames? Names);
