using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IdentityAccess.Core.Persistence;

/// <summary>
/// Whether the configured database is there, asked without creating it. The portal's start creates and migrates what
/// is missing; an operator's command at a mistyped path must say so instead of answering from a new, empty database.
/// </summary>
public sealed class DatabasePresence(IOptions<DatabaseOptions> options, IHostEnvironment environment)
{
    /// <summary>Null when the database is there and answers.</summary>
    public async Task<DatabaseProblem?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var configured = options.Value;
        try
        {
            return configured.Provider switch
            {
                DatabaseProvider.Sqlite => CheckSqliteFile(configured.ConnectionString),
                DatabaseProvider.Postgres => await CheckPostgresAsync(configured.ConnectionString, cancellationToken),
            };
        }
        catch (ArgumentException notUsable)
        {
            return new DatabaseProblem(DatabaseProblemKind.Unreachable, $"The database connection string is not usable: {notUsable.Message}");
        }
    }

    private DatabaseProblem? CheckSqliteFile(string connectionString) =>
        PersistenceServiceCollectionExtensions.SqliteFilePath(connectionString, environment.ContentRootPath) is { } path && !File.Exists(path)
            ? new DatabaseProblem(DatabaseProblemKind.Missing, $"The database file '{path}' does not exist.")
            : null;

    private static async Task<DatabaseProblem?> CheckPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var server = $"{builder.Host}:{builder.Port}";
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return new DatabaseProblem(DatabaseProblemKind.Missing, $"The PostgreSQL database '{builder.Database ?? builder.Username}' on {server} does not exist.");
        }
        catch (Exception unreachable) when (unreachable is NpgsqlException or SocketException or TimeoutException)
        {
            var why = unreachable.InnerException is { } inner ? $"{unreachable.Message} ({inner.Message})" : unreachable.Message;
            return new DatabaseProblem(DatabaseProblemKind.Unreachable, $"The PostgreSQL server at {server} cannot be used: {why}");
        }
    }
}
