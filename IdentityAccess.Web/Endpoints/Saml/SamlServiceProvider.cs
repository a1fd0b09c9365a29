using IdentityAccess.Core.Saml;
using IdentityAccess.Web.Startup;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>Builds this SP's settings: the configured entityID and the ACS URL under the public base URL.</summary>
public sealed class SamlServiceProvider(IOptions<SamlSpOptions> options, PublicBaseUrl publicBaseUrl)
{
    public const string AcsPath = "/saml/acs";
    public const string MetadataPath = "/saml/metadata";

    public string EntityId => string.IsNullOrWhiteSpace(options.Value.EntityId) ? SamlSpOptions.DefaultEntityId : options.Value.EntityId;

    /// <summary>The ACS is the same whatever Host header a request carries: an AuthnRequest never names another.</summary>
    public SamlServiceProviderSettings For(HttpRequest request) => new(EntityId, publicBaseUrl.For(request, AcsPath));

    /// <summary>For pages: <paramref name="requestBaseUrl"/> (NavigationManager.BaseUri) counts only in Development without a configured base.</summary>
    public Uri AbsoluteUrl(string requestBaseUrl, string path) => publicBaseUrl.For(requestBaseUrl, path);
}
