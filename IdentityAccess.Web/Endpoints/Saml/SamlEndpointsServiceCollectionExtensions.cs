namespace IdentityAccess.Web.Endpoints.Saml;

internal static class SamlEndpointsServiceCollectionExtensions
{
    public static IServiceCollection AddSamlEndpoints(this IServiceCollection services)
    {
        services.AddOptions<SamlSpOptions>().BindConfiguration(SamlSpOptions.SectionName);
        services.AddSingleton<SamlServiceProvider>();
        return services;
    }
}
