using IdentityAccess.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The current schema in an in-memory SQLite database, migrated once per test process. Every SQLite test database
/// starts as a page-for-page copy of it (SQLite's online backup, about a millisecond), so an app started on one finds
/// no migration to apply: running every migration again was most of each test's start-up.
/// </summary>
internal static class SqliteTemplateDatabase
{
    private static readonly Lazy<SqliteConnection> _template = new(Create);
    private static readonly Lock _copyLock = new();

    /// <summary>Overwrites the (empty) database behind <paramref name="destination"/> with the migrated template.</summary>
    public static void CopyInto(SqliteConnection destination)
    {
        lock (_copyLock) // the template's one connection serves one copy at a time
        {
            _template.Value.BackupDatabase(destination);
        }
    }

    private static SqliteConnection Create()
    {
        var connectionString = $"Data Source=file:ia_template_{Guid.NewGuid():N}?mode=memory&cache=shared";
        var keepAlive = new SqliteConnection(connectionString); // held open for the process: the database lives as long
        keepAlive.Open();
        using var db = new SqliteIdentityAccessDbContext(new DbContextOptionsBuilder<SqliteIdentityAccessDbContext>().UseSqlite(connectionString).Options);
        db.Database.Migrate();
        return keepAlive;
    }
}
