namespace IdentityAccess.Core.Saml;

/// <summary>
/// A login to start. Store <see cref="RequestId"/> for this browser (one use, bound to the IdP) and pass it as the
/// expected InResponseTo when the Response arrives; send the browser to <see cref="RedirectUrl"/>.
/// </summary>
public sealed record SamlAuthnRedirect(string RequestId, Uri RedirectUrl, DateTimeOffset IssueInstant);
