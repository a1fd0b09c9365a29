namespace IdentityAccess.Web.Endpoints.Scim;

internal static class ScimServiceCollectionExtensions
{
    /// <summary>What the SCIM endpoint needs beside Core: the per-directory rate limiter and its <c>Scim:RateLimit</c> settings.</summary>
    public static IServiceCollection AddScimEndpoints(this IServiceCollection services)
    {
        services.AddOptions<ScimRateLimitOptions>().BindConfiguration(ScimRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScimRateLimiter>();
        return services;
    }
}
