using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.DemoIdp;

/// <summary>Where browsers reach this app: the configured public base URL, else the address the server listens on.</summary>
internal static class DemoIdpAppAddress
{
    public static Uri Find(IServer server, IOptions<SamlSpOptions> options)
    {
        if (Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var configured))
        {
            return configured;
        }

        // Kestrel reports what it bound, e.g. http://127.0.0.1:5080 or http://[::]:5080; a wildcard is no address to browse to.
        // Without any (the in-memory test server), http://localhost is what its clients use.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return new Uri(address);
    }
}
