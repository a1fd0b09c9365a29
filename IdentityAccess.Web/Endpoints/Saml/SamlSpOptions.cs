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
    /// The portal's public address, e.g. <c>https://portal.example.com</c>, from which the ACS URL is built. When unset,
    /// the request's own scheme and host are used, which suits development and tests but trusts the Host header: set it
    /// in production (or put the app behind a proxy that fixes Host).
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
