namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>What the IdP's SAML application needs of this portal: its entity ID, its reply (ACS) URL and its metadata for the parent.</summary>
internal sealed record ApiServiceProvider(string EntityId, string AcsUrl, string MetadataUrl);
