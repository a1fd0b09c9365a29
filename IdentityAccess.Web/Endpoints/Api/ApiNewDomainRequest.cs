namespace IdentityAccess.Web.Endpoints.Api;

/// <summary>A domain to add, as the domains panel's field takes it ("Contoso.com", "@contoso.com" or an international name).</summary>
internal sealed record ApiNewDomainRequest(string? Domain);
