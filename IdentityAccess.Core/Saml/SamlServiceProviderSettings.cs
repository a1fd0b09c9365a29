namespace IdentityAccess.Core.Saml;

/// <summary>
/// This application as a SAML service provider. The entityID is a fixed name (for example
/// <c>https://portal.example.com/saml</c> or <c>urn:identityaccess:acme</c>), not derived from the request's host or
/// port, because IdPs pin it as the audience when the app is registered.
/// </summary>
public sealed record SamlServiceProviderSettings
{
    public SamlServiceProviderSettings(string entityId, Uri assertionConsumerServiceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentNullException.ThrowIfNull(assertionConsumerServiceUrl);
        if (!assertionConsumerServiceUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The ACS URL must be absolute: IdPs post to it from another site.", nameof(assertionConsumerServiceUrl));
        }

        EntityId = entityId;
        AssertionConsumerServiceUrl = assertionConsumerServiceUrl;
    }

    public string EntityId { get; }

    /// <summary>Where IdPs post the Response (HTTP-POST binding); also the required Destination and Recipient.</summary>
    public Uri AssertionConsumerServiceUrl { get; }
}
