using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The current schema on the test server, migrated once per test process; every <see cref="PostgresTestDatabase"/> is
/// a <c>CREATE DATABASE ... TEMPLATE</c> copy of it (tens of milliseconds instead of running every migration). Dropped
/// when the process exits.
/// </summary>
internal static class PostgresTemplateDatabase
{
    private static readonly Lock _copyLock = new();
    private static string? _server;
    private static string? _name;

    public static string Maintenance(string server) => new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;

    public static void CreateCopy(string server, string name)
    {
        // One copy at a time: PostgreSQL refuses a template that another session is using, a concurrent copy included.
        lock (_copyLock)
        {
            var template = EnsureCreated(server);
            using var admin = new NpgsqlConnection(Maintenance(server));
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", admin);
            create.ExecuteNonQuery();
        }
    }

    private static string EnsureCreated(string server)
    {
        if (_name is not null)
        {
            return _server == server
                ? _name
                : throw new InvalidOperationException($"One test process uses one PostgreSQL server; {PostgresTestDatabase.ServerVariable} changed.");
        }

        var name = $"ia_template_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgresIdentityAccessDbContext(new DbContextOptionsBuilder<PostgresIdentityAccessDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate(); // creates the database, then the schema
        }

        (_server, _name) = (server, name);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(server, name);
        return name;
    }

    private static void Drop(string server, string name)
    {
        try
        {
            using var admin = new NpgsqlConnection(Maintenance(server));
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server may already be gone (the test script stops its own); the template then goes with it.
        }
    }
}
