using IdentityAccess.Core.Persistence;
using IdentityAccess.DemoIdp.Seed;
using IdentityAccess.Web.DemoIdp;

namespace IdentityAccess.Web.Startup;

internal static class DatabaseStartup
{
    /// <summary>Applies migrations, then in Development seeds the demo into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedOnFirstRun", true))
        {
            var seeded = await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
            // The demo's parents are connected to the demo IdP once the server listens: its SSO URL needs the port.
            app.Services.GetRequiredService<DemoIdpSeedSignal>().DemoWasSeeded = seeded;
        }
    }
}
