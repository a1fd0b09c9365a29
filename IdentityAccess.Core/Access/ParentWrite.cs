using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Access;

/// <summary>
/// A transaction in which what a parent organization owns (its admins, tokens, domains, connection, which organizations
/// are joined) cannot change under the caller, so "is another admin left?" or "are two tokens already valid?" stay true
/// until the change that relied on them is saved.
/// </summary>
internal static class ParentWrite
{
    public static async Task<IDbContextTransaction> BeginAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which already makes writers wait for each other.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, parentId, cancellationToken);
        return transaction;
    }

    /// <summary>Inside a transaction already begun: waits for other writers of the parent (an organization moving out of it).</summary>
    public static async Task LockAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL's READ COMMITTED lets two such transactions read the same counts; the row lock orders them.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"ParentOrganizations\" WHERE \"Id\" = {parentId} FOR UPDATE", cancellationToken);
        }
    }
}
