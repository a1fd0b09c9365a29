using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Api.Keys;

public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>The management API's keys: administered by parent admins, checked on every API request.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyAdministration>();
        services.AddSingleton<ApiKeyAuthentication>();
        services.AddSingleton<Idempotency.ApiIdempotencyStore>();
        return services;
    }
}
