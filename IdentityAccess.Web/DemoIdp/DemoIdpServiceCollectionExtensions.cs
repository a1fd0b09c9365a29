using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Push;

namespace IdentityAccess.Web.DemoIdp;

internal static class DemoIdpServiceCollectionExtensions
{
    /// <summary>The demo identity provider, in Development only: elsewhere none of its services exist.</summary>
    public static IServiceCollection AddDemoIdentityProvider(this IServiceCollection services, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return services;
        }

        services.AddDemoIdp();
        services.AddSingleton<DemoIdpSeedSignal>();
        services.AddHostedService<DemoIdpStartup>();
        // A real HTTP client to the app's own SCIM endpoint, as Entra's provisioning service would be.
        services.AddHttpClient<DemoIdpScimPush>(client => client.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
