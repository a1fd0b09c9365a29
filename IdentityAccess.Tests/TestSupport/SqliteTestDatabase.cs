using IdentityAccess.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A named in-memory SQLite database, shared by every connection of this process that names it, and kept alive by
/// one connection held open until disposal. A real SQLite engine, no file left behind. It starts migrated, as a copy
/// of <see cref="SqliteTemplateDatabase"/>.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly SqliteConnection _keepAlive;

    public SqliteTestDatabase()
    {
        ConnectionString = $"Data Source=file:ia_{Guid.NewGuid():N}?mode=memory&cache=shared";
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
        SqliteTemplateDatabase.CopyInto(_keepAlive);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString { get; }

    public override Task<DatabaseSnapshot?> SnapshotAsync() => Task.FromResult<DatabaseSnapshot?>(new SqliteDatabaseSnapshot(_keepAlive));

    public override async ValueTask DisposeAsync() => await _keepAlive.DisposeAsync();
}
