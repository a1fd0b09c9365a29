namespace IdentityAccess.Web.Endpoints.Saml;

/// <summary>The <c>Sso:Saml</c> section: this portal as a SAML service provider.</summary>
public sealed class SamlSpOptions
{
    public const string SectionName = "Sso:Saml";

    /// <summary>The fixed default keeps the entityID stable across hosts and ports: IdPs pin it as the audience.</summary>
    public const string DefaultEntityId = "urn:identityaccess:sp";

    /// <summary>Our SP entityID. Never derived from the request's host.</summary>
    public string EntityId { get; set; } = DefaultEntityId;

    /// <summary>
    /// The older name of <c>Portal:PublicBaseUrl</c>, still read when that one is empty (see <see cref="Startup.PublicBaseUrl"/>):
    /// the portal's public address, e.g. <c>https://portal.example.com</c>, from which the ACS URL is built.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
