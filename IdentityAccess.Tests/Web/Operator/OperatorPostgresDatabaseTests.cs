using System.Text.Json;
using IdentityAccess.Tests.TestSupport;
using Npgsql;

namespace IdentityAccess.Tests.Web.Operator;

/// <summary>
/// The command line against a real PostgreSQL server whose database is not there (a mistyped name): refused with exit
/// 69 naming the database, and not created; <c>operator migrate</c> creates and migrates it, after which commands run
/// on it. Each runs the command line in its own process, as an operator does.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class OperatorPostgresDatabaseTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ia-operator-pg-").FullName;
    private readonly string _server = Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{PostgresTestDatabase.ServerVariable} is not set; see PostgresTestDatabase.");

    private readonly string _name = $"ia_typo_{Guid.NewGuid():N}";

    private string[] Postgres => ["--Database:Provider", "Postgres", "--Database:ConnectionString",
        new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenMaintenanceAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task MissingDatabase_RefusedWith69NamingIt_NotCreated_UntilMigrateCreatesIt()
    {
        var refused = await OperatorProcess.RunAsync(_folder, [.. Postgres, "operator", "parent-admin", "list", "--parent", "Acme Corporation"]);
        var refusedJson = await OperatorProcess.RunAsync(_folder, [.. Postgres, "operator", "outbox", "list", "--json"]);

        Assert.Equal((69, 69), (refused.ExitCode, refusedJson.ExitCode));
        Assert.Empty(refused.Output + refusedJson.Output);
        Assert.Contains($"The PostgreSQL database '{_name}'", refused.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", refused.Error, StringComparison.Ordinal);
        Assert.Contains("operator migrate", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(OperatorProcess.StackTrace, refused.Error);
        Assert.Contains("\"database-missing\"", refusedJson.Error, StringComparison.Ordinal);
        Assert.False(await ExistsAsync());

        var migrated = await OperatorProcess.RunAsync(_folder, [.. Postgres, "operator", "migrate", "--json"]);
        var listed = await OperatorProcess.RunAsync(_folder, [.. Postgres, "operator", "outbox", "list", "--json"]);

        Assert.Equal((0, 0), (migrated.ExitCode, listed.ExitCode));
        Assert.True(await ExistsAsync());
        Assert.True(JsonDocument.Parse(migrated.Output).RootElement.GetProperty("appliedMigrations").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(listed.Output).RootElement.ValueKind);
    }

    private async Task<bool> ExistsAsync()
    {
        await using var admin = await OpenMaintenanceAsync();
        await using var query = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        query.Parameters.AddWithValue("name", _name);
        return await query.ExecuteScalarAsync() is not null;
    }

    private async Task<NpgsqlConnection> OpenMaintenanceAsync()
    {
        var admin = new NpgsqlConnection(PostgresTemplateDatabase.Maintenance(_server));
        await admin.OpenAsync();
        return admin;
    }
}
