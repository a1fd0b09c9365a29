using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IdentityAccess.Core.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The provider decides which services exist, so it is read now rather than through IOptions.
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddPooledDbContextFactory<SqliteIdentityAccessDbContext>((sp, builder) =>
                    builder.UseSqlite(ResolveSqlitePath(options.ConnectionString, sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
                            sqlite => sqlite.CommandTimeout(options.CommandTimeoutSeconds))
                        .AddInterceptors(ProvisioningLogTransactionInterceptor.Instance, SqliteWriteGate.Instance, RoleLossInterceptor(sp), Telemetry.DbCommandTracing.Instance));
                services.AddSingleton<IDbContextFactory<IdentityAccessDbContext>, DbContextFactoryAdapter<SqliteIdentityAccessDbContext>>();
                break;
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresIdentityAccessDbContext>((sp, builder) => builder.UseNpgsql(PostgresConnectionDefaults.Apply(options.ConnectionString),
                        npgsql => npgsql.CommandTimeout(options.CommandTimeoutSeconds))
                    .AddInterceptors(ProvisioningLogTransactionInterceptor.Instance, RoleLossInterceptor(sp), Telemetry.DbCommandTracing.Instance));
                services.AddSingleton<IDbContextFactory<IdentityAccessDbContext>, DbContextFactoryAdapter<PostgresIdentityAccessDbContext>>();
                break;
        }

        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabasePresence>();
        return services;
    }

    private static RoleLossSessionInterceptor RoleLossInterceptor(IServiceProvider services) => new(services.GetRequiredService<TimeProvider>());

    /// <summary>Anchors a relative database file to the content root and makes sure its folder exists.</summary>
    internal static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        if (SqliteFilePath(connectionString, contentRoot) is not { } path)
        {
            return connectionString;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder(connectionString) { DataSource = path }.ToString();
    }

    /// <summary>The database file's full path; null for an in-memory database or a <c>file:</c> URI, used as given.</summary>
    internal static string? SqliteFilePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var isFile = builder.Mode != SqliteOpenMode.Memory
            && builder.DataSource != ":memory:"
            && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        return isFile && !string.IsNullOrEmpty(builder.DataSource) ? Path.GetFullPath(builder.DataSource, contentRoot) : null;
    }
}
