using IdentityAccess.DemoIdp;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>An AuthnRequest as it travels through the demo IdP's pages: decoded, and the raw fields to carry on.</summary>
internal sealed record DemoIdpSsoForm(DemoIdpAuthnRequest Request, string SamlRequest, string? RelayState, string? Tenant);
