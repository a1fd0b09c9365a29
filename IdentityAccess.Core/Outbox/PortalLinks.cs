using IdentityAccess.Core.Common;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Outbox;

/// <summary>
/// Absolute links handed out by email. They start with <c>Portal:PublicBaseUrl</c> when it is set, since the request's
/// Host header is the client's to choose; only when it is not (Development, a test) with the caller's own base URL.
/// </summary>
public sealed class PortalLinks(IOptions<PortalOptions> options)
{
    /// <param name="callerBaseUrl">The address the caller was reached at, e.g. <c>http://127.0.0.1:5080/</c>.</param>
    /// <param name="path">A local path starting with '/'.</param>
    public string Absolute(string? callerBaseUrl, string path)
    {
        var configured = options.Value.PublicBaseUrl;
        var chosen = IsHttpUrl(configured) ? configured! : callerBaseUrl;
        if (!IsHttpUrl(chosen))
        {
            throw new InvalidOperationException("Set Portal:PublicBaseUrl: a link sent by email needs the portal's public address.");
        }

        return chosen!.TrimEnd('/') + path;
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
