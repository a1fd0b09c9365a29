using IdentityAccess.Core.Common;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Startup;

/// <summary>
/// The base of every absolute URL the portal hands out: the SAML ACS and metadata, the SCIM endpoint shown to
/// administrators, invitation and sign-in links. It comes from <c>Portal:PublicBaseUrl</c> (or, as before,
/// <c>Sso:Saml:PublicBaseUrl</c>), never from the request's Host header, which any client chooses. In Development
/// only, with neither set, the request's own address is used; elsewhere the app does not start without one
/// (<see cref="PublicBaseUrlValidation"/>).
/// </summary>
public sealed class PublicBaseUrl(IOptions<PortalOptions> portal, IOptions<SamlSpOptions> saml, IHostEnvironment environment)
{
    /// <summary>The configured base, if any: <c>Portal:PublicBaseUrl</c>, else the older <c>Sso:Saml:PublicBaseUrl</c>.</summary>
    public Uri? Configured => Parse(portal.Value.PublicBaseUrl) ?? Parse(saml.Value.PublicBaseUrl);

    /// <summary><paramref name="path"/> (starting with '/') under the public base; <paramref name="requestBase"/> counts in Development only.</summary>
    public Uri For(string requestBase, string path)
    {
        var configured = Configured;
        if (configured is null && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(PublicBaseUrlValidation.MissingMessage);
        }

        return new Uri((configured?.AbsoluteUri ?? requestBase).TrimEnd('/') + path);
    }

    public Uri For(HttpRequest request, string path) => For($"{request.Scheme}://{request.Host}{request.PathBase}", path);

    internal static Uri? Parse(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : null;
}
