using System.Net;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>
/// The demo IdP answers only this app's SP at this app's own ACS: a signed response is never posted to an arbitrary URL
/// named in a request.
/// </summary>
internal static class DemoIdpAcsCheck
{
    public static string? Refusal(Uri acs, string issuer, HttpRequest request, SamlServiceProvider sp, IOptions<SamlSpOptions> options)
    {
        if (issuer != sp.EntityId)
        {
            return $"This demo identity provider signs people in to this app's service provider ({sp.EntityId}) only, not to {issuer}.";
        }

        return IsOwnAcs(acs, request, sp, options.Value) ? null
            : $"The request asks for the response to be posted to {acs.AbsoluteUri}, which is not this app's ACS.";
    }

    private static bool IsOwnAcs(Uri acs, HttpRequest request, SamlServiceProvider sp, SamlSpOptions options)
    {
        if (acs == sp.For(request).AssertionConsumerServiceUrl)
        {
            return true;
        }

        // Without a public base URL, the ACS is built from the host the browser used to start signing in, which may be
        // another name for this machine than the one the IdP page is on (localhost beside 127.0.0.1): same port, loopback.
        return string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && acs.AbsolutePath == SamlServiceProvider.AcsPath && acs.Query.Length == 0
            && IsLoopback(acs.Host) && IsLoopback(request.Host.Host)
            && acs.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
