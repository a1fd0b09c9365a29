using Microsoft.Data.Sqlite;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A page-for-page copy of an in-memory SQLite database in another in-memory database, made and put back with SQLite's
/// online backup (a few milliseconds). The backup changes the destination's schema cookie, so the app's pooled
/// connections reload their schema and see the restored pages.
/// </summary>
internal sealed class SqliteDatabaseSnapshot : DatabaseSnapshot
{
    private readonly SqliteConnection _database;
    private readonly SqliteConnection _copy;

    public SqliteDatabaseSnapshot(SqliteConnection database)
    {
        _database = database;
        _copy = new SqliteConnection($"Data Source=file:ia_snapshot_{Guid.NewGuid():N}?mode=memory&cache=shared");
        _copy.Open();
        _database.BackupDatabase(_copy);
    }

    /// <summary>Always true: the backup copies the schema with the rows (a trigger a test added goes too).</summary>
    public override Task<bool> RestoreAsync()
    {
        _copy.BackupDatabase(_database);
        return Task.FromResult(true);
    }

    public override async ValueTask DisposeAsync() => await _copy.DisposeAsync();
}
