using IdentityAccess.DemoIdp.Seed;
using IdentityAccess.DemoIdp.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.DemoIdp;

public static class DemoIdpServiceCollectionExtensions
{
    /// <summary>
    /// The demo identity provider's services, its own database and the demo seed. The web app adds them in Development
    /// only; elsewhere none of them exist.
    /// </summary>
    public static IServiceCollection AddDemoIdp(this IServiceCollection services)
    {
        services.AddSingleton<DemoIdpStorage>();
        services.AddDbContextFactory<DemoIdpDbContext>((sp, options) => options.UseSqlite(sp.GetRequiredService<DemoIdpStorage>().ConnectionString));
        services.AddSingleton<DemoIdpStore>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoIdpKeyStore>();
        services.AddSingleton<DemoIdpSignIn>();
        services.AddSingleton<DemoIdpDirectoryService>();
        services.AddSingleton<DemoIdpConnections>();
        return services;
    }
}
