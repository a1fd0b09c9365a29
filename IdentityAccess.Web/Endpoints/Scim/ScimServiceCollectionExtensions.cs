using IdentityAccess.Core.Scim.Input;
using IdentityAccess.Web.Endpoints.Scim.Bulk;
using Microsoft.AspNetCore.Authentication;

namespace IdentityAccess.Web.Endpoints.Scim;

internal static class ScimServiceCollectionExtensions
{
    /// <summary>
    /// What the SCIM endpoint needs beside Core: the ScimBearer authentication scheme and the policy that names it, the
    /// per-directory rate-limiter policy (<c>Scim:RateLimit</c>), the input limits (<c>Scim:Input</c>), the one write
    /// path and /Bulk (<c>Scim:Bulk</c>).
    /// </summary>
    public static IServiceCollection AddScimEndpoints(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ScimBearerHandler>(ScimBearerHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ScimBearerHandler.PolicyName, policy => policy
            .AddAuthenticationSchemes(ScimBearerHandler.SchemeName).RequireAuthenticatedUser().RequireAssertion(c => ScimPrincipal.MaySync(c.User)));
        services.AddOptions<ScimRateLimitOptions>().BindConfiguration(ScimRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy<Guid, ScimRateLimitPolicy>(ScimRateLimitPolicy.Name));
        services.AddOptions<ScimInputOptions>().BindConfiguration(ScimInputOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScimBulkOptions>().BindConfiguration(ScimBulkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScimRequestLog>();
        services.AddSingleton<ScimAllowedMethods>();
        services.AddSingleton<ScimWriteDispatcher>();
        services.AddSingleton<ScimBulkProcessor>();
        return services;
    }
}
