using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Core.Demo.Idp;

public static class DemoIdpServiceCollectionExtensions
{
    /// <summary>The demo identity provider's services. The web app adds them in Development only.</summary>
    public static IServiceCollection AddDemoIdp(this IServiceCollection services)
    {
        services.AddSingleton<DemoIdpKeyStore>();
        services.AddSingleton<DemoIdpSignIn>();
        services.AddSingleton<DemoIdpDirectoryService>();
        services.AddSingleton<DemoIdpConnections>();
        return services;
    }
}
