using IdentityAccess.Core.Common;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Saml;

internal static class SamlEndpointsServiceCollectionExtensions
{
    public static IServiceCollection AddSamlEndpoints(this IServiceCollection services)
    {
        services.AddOptions<SamlSpOptions>().BindConfiguration(SamlSpOptions.SectionName);
        services.AddSingleton<SamlServiceProvider>();
        services.AddSingleton<Core.Sso.SpKeys.ISamlSpKeyProtector, DataProtectionSamlSpKeyProtector>();
        services.AddSingleton<Startup.PublicBaseUrl>();
        // Outside Development the app refuses to start without a public base URL (or with a malformed one).
        services.AddSingleton<IValidateOptions<PortalOptions>, Startup.PublicBaseUrlValidation>();
        services.AddOptions<PortalOptions>().ValidateOnStart();
        return services;
    }
}
