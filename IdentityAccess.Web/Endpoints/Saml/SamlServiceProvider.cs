using IdentityAccess.Core.Saml;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>Builds this SP's settings: the configured entityID and the ACS URL under the public base URL.</summary>
public sealed class SamlServiceProvider(IOptions<SamlSpOptions> options)
{
    public const string AcsPath = "/saml/acs";
    public const string MetadataPath = "/saml/metadata";

    public string EntityId => string.IsNullOrWhiteSpace(options.Value.EntityId) ? SamlSpOptions.DefaultEntityId : options.Value.EntityId;

    public SamlServiceProviderSettings For(HttpRequest request) => new(EntityId, new Uri(BaseUrl(request.Scheme + "://" + request.Host) + AcsPath));

    /// <summary>For pages: the base is NavigationManager.BaseUri when no public base URL is configured.</summary>
    public Uri AbsoluteUrl(string requestBaseUrl, string path) => new(BaseUrl(requestBaseUrl) + path);

    private string BaseUrl(string requestBaseUrl) =>
        (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? requestBaseUrl : options.Value.PublicBaseUrl).TrimEnd('/');
}
