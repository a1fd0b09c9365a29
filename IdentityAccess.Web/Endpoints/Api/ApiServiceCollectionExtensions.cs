using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Web.Endpoints.Api.Description;
using IdentityAccess.Web.Endpoints.Api.RateLimits;
using Microsoft.AspNetCore.Authentication;

namespace IdentityAccess.Web.Endpoints.Api;

internal static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The management API's authentication scheme, the two policies every /api/v1 endpoint names, its rate limits and
    /// its OpenAPI document.
    /// </summary>
    public static IServiceCollection AddManagementApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        // The creator's parent-admin standing is read from the database on each request (ApiKeyAuthentication), so a key
        // stops at the next request once they lose it.
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiCallers.ReadPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser()
                .RequireAssertion(c => c.Resource is HttpContext http && http.ApiCaller() is { CreatorIsParentAdmin: true }))
            .AddPolicy(ApiCallers.WritePolicy, policy => policy.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser()
                .RequireAssertion(c => c.Resource is HttpContext http && http.ApiCaller() is { CreatorIsParentAdmin: true, Scope: ApiKeyScope.ReadWrite }));
        services.AddManagementApiRateLimits();
        services.AddManagementApiDocument();
        return services;
    }
}
