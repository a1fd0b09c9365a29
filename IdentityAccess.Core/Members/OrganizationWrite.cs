using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Members;

/// <summary>What every hand-made change to an organization's members or seats shares: its transaction, its actor, its refusal.</summary>
internal static class OrganizationWrite
{
    /// <summary>
    /// A transaction in which the organization's members and seats cannot change under the caller, so "is a seat
    /// free?" and "is another Owner left?" stay true until the change that relied on them is saved.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which already makes writers wait for each other.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, organizationId, cancellationToken);
        return transaction;
    }

    /// <summary>
    /// Inside a transaction already begun: waits for other writers of the organization's members and seats.
    /// </summary>
    public static async Task LockAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL's READ COMMITTED lets two such transactions read the same counts; the row lock orders them.
            // The lock makes this writer the only folder of the seat counters' changes. One batch, one round trip: its
            // statements run in order, so the fold starts once the lock is held.
            await db.Database.ExecuteSqlRawAsync($$"""
                SELECT 1 FROM "Organizations" WHERE "Id" = {0} FOR UPDATE;
                {{SeatHoldingCounts.FoldStatement}}
                """, [organizationId], cancellationToken);
        }
    }

    /// <summary>The acting person as the audit log shows them, read from the database rather than trusted from the caller.</summary>
    public static async Task<AuditActor> ActorAsync(IdentityAccessDbContext db, Guid personId, CancellationToken cancellationToken) =>
        new(personId, await db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(cancellationToken));
}
