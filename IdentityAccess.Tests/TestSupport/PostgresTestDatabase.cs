using IdentityAccess.Core.Persistence;
using Npgsql;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A fresh database on the real PostgreSQL server named by <c>IA_TEST_POSTGRES</c> (the README's test command and
/// CI start one). Without it the Postgres tests fail with a clear message rather than pass without running. It is
/// created as a copy of a template the test process migrates once (<see cref="PostgresTemplateDatabase"/>), so an app
/// started on it finds no migration to apply.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "IA_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name = $"ia_{Guid.NewGuid():N}";

    public PostgresTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set. The README's test command (scripts/test.sh) starts a PostgreSQL server " +
                "and sets it; to run without it, filter out these tests: --filter \"Category!=Postgres\".");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
        PostgresTemplateDatabase.CreateCopy(_server, _name);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString { get; }

    public override async Task<DatabaseSnapshot?> SnapshotAsync() => await PostgresDatabaseSnapshot.TakeAsync(ConnectionString);

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresTemplateDatabase.Maintenance(_server));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
