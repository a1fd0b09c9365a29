using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Persistence;

/// <summary>Brings the database to the current model at start-up.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<IdentityAccessDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Creates the database if it is missing and applies what is pending; returns how many migrations were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the members page read while sync writes; the setting is stored in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.LogInformation("Database ready ({Provider}); applied {Count} migration(s).", db.Database.ProviderName, pending.Count);
        return pending.Count;
    }
}
