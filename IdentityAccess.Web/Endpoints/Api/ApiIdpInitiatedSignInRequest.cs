namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>"Allow IdP-initiated sign-in" on or off, as the SSO panel's switch sets it.</summary>
/// <param name="Allowed">True: a Response nobody asked for (a tile in the IdP's app portal) is accepted; false: only sign-ins started here.</param>
internal sealed record ApiIdpInitiatedSignInRequest(bool? Allowed);
