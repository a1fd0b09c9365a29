using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Provisioning.Apply;

/// <summary>
/// A second context on the caller's connection and inside its transaction, for inserting many rows in chunks and
/// forgetting them. Saving the caller's own context early would also save (and check) whatever the caller has
/// pending, such as the organization's settings version, and clearing it would drop the caller's entities.
/// </summary>
internal static class SameTransactionContext
{
    public static async Task<IdentityAccessDbContext> OpenAsync(IdentityAccessDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        IdentityAccessDbContext side = db switch
        {
            SqliteIdentityAccessDbContext => new SqliteIdentityAccessDbContext(
                new DbContextOptionsBuilder<SqliteIdentityAccessDbContext>().UseSqlite(connection).Options),
            PostgresIdentityAccessDbContext => new PostgresIdentityAccessDbContext(
                new DbContextOptionsBuilder<PostgresIdentityAccessDbContext>().UseNpgsql(connection).Options),
            _ => throw new NotSupportedException($"No second context for {db.GetType().Name}."),
        };
        await side.Database.UseTransactionAsync(db.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
        side.ChangeTracker.AutoDetectChangesEnabled = false; // entities are only added, never changed afterwards
        return side;
    }

    /// <summary>Inserts <paramref name="rows"/> a chunk at a time, so no more than a chunk is ever tracked.</summary>
    public static async Task InsertAsync<T>(IdentityAccessDbContext side, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        const int ChunkSize = 5000;
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            side.Set<T>().AddRange(chunk);
            await side.SaveChangesAsync(cancellationToken);
            side.ChangeTracker.Clear();
        }
    }
}
