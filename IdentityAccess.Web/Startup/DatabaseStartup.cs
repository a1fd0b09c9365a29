using IdentityAccess.Core.Demo;
using IdentityAccess.Core.Persistence;

namespace IdentityAccess.Web.Startup;

internal static class DatabaseStartup
{
    /// <summary>Applies migrations, then in Development seeds the demo into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedOnFirstRun", true))
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        }
    }
}
