using IdentityAccess.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// A SQLite file in a temporary folder: what the portal really uses by default, WAL included (the app's migrator
/// turns it on at start). The file starts migrated, as a copy of <see cref="SqliteTemplateDatabase"/>.
/// <paramref name="busyTimeout"/> is the connections' "Default Timeout" (SQLite's busy timeout; 30 s when not given).
/// </summary>
public sealed class SqliteFileTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ia-test-").FullName;
    private readonly TimeSpan? _busyTimeout;

    public SqliteFileTestDatabase(TimeSpan? busyTimeout = null)
    {
        _busyTimeout = busyTimeout;
        using var file = new SqliteConnection(ConnectionString);
        file.Open();
        SqliteTemplateDatabase.CopyInto(file);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string FilePath => Path.Combine(_folder, "identityaccess.db");

    public override string ConnectionString =>
        $"Data Source={FilePath};Pooling=false" + (_busyTimeout is { } timeout ? $";Default Timeout={(int)timeout.TotalSeconds}" : "");

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
