using IdentityAccess.Core.Scim.Input;

namespace IdentityAccess.Web.Endpoints.Scim;

internal static class ScimServiceCollectionExtensions
{
    /// <summary>What the SCIM endpoint needs beside Core: the per-directory rate limiter and its <c>Scim:RateLimit</c> settings, and the <c>Scim:Input</c> limits.</summary>
    public static IServiceCollection AddScimEndpoints(this IServiceCollection services)
    {
        services.AddOptions<ScimRateLimitOptions>().BindConfiguration(ScimRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScimRateLimiter>();
        services.AddOptions<ScimInputOptions>().BindConfiguration(ScimInputOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
