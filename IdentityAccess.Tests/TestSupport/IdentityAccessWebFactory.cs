using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.SpKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The real app on a test database, with the test sign-in available beside the app's own, and SP key pairs made ahead
/// (<see cref="PregeneratedSpKeyPairs"/>) instead of generated for each SP key.
/// </summary>
public sealed class IdentityAccessWebFactory(TestDatabase database, string environment = "Development", bool useTestAuth = true,
    IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    /// <summary>Holds the app's queries when a test arms it (progress and Cancel while a read takes long); inert otherwise.</summary>
    public HeldQueries HeldQueries { get; } = new();

    /// <summary>
    /// Where test apps without a certificate keep their Data Protection keys: one folder for the test run, under the
    /// build output, so tests write nothing into the source tree.
    /// </summary>
    public static string KeysDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "test-data-protection-keys");

    public async Task<IdentityAccessDbContext> CreateDbContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("DataProtection:KeysDirectory", KeysDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services
            .ConfigureDbContext<SqliteIdentityAccessDbContext>(options => options.AddInterceptors(HeldQueries))
            .ConfigureDbContext<PostgresIdentityAccessDbContext>(options => options.AddInterceptors(HeldQueries))
            .AddSingleton<ISpKeyPairSource>(PregeneratedSpKeyPairs.Shared));
        if (time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }

        if (useTestAuth)
        {
            builder.ConfigureTestServices(services => services
                .AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { }));
        }
    }
}
