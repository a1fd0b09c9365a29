using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Seats;

/// <summary>Reads and compacts the seat and listed-member counters the database keeps by trigger.</summary>
public static class SeatHoldingCounts
{
    /// <summary>
    /// Seats held per tier key (<see cref="SeatHolding.NoTier"/> for untiered): the counter plus the changes not folded
    /// yet. Reading costs the same at a hundred members or a hundred thousand.
    /// </summary>
    public static async Task<Dictionary<string, int>> HeldAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken = default)
    {
        var rows = await db.SeatHoldings.Where(h => h.OrganizationId == organizationId).Select(h => new { h.Tier, Held = h.Held })
            .Concat(db.SeatHoldingChanges.Where(c => c.OrganizationId == organizationId).Select(c => new { c.Tier, Held = c.Delta }))
            .GroupBy(h => h.Tier).Select(g => new { Tier = g.Key, Held = g.Sum(h => h.Held) })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Held != 0).ToDictionary(r => r.Tier, r => r.Held);
    }

    /// <summary>
    /// The organization's listed members (every status but Removed): the counters plus the changes not folded yet, the
    /// same number as counting them, read in a few rows whatever the organization's size.
    /// </summary>
    public static async Task<int> ListedAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken = default) =>
        await db.SeatHoldings.Where(h => h.OrganizationId == organizationId).Select(h => h.Listed)
            .Concat(db.SeatHoldingChanges.Where(c => c.OrganizationId == organizationId).Select(c => c.ListedDelta))
            .SumAsync(cancellationToken);

    /// <summary>
    /// Adds the organization's pending changes to its counters and deletes them, in one statement. Called by writers
    /// that hold the organization's lock, so only one folds at a time; a trigger's insert racing the fold is either
    /// deleted and counted or left for the next fold (DELETE … RETURNING counts only the rows it removed).
    /// </summary>
    public static async Task FoldAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite's triggers update the counters in place
        }

        await db.Database.ExecuteSqlRawAsync(FoldStatement, [organizationId], cancellationToken);
    }

    /// <summary>The fold of <see cref="FoldAsync"/> (PostgreSQL), the organization's id as <c>{0}</c>: also sent after its lock in one batch.</summary>
    internal const string FoldStatement = """
        WITH folded AS (DELETE FROM "SeatHoldingChanges" WHERE "OrganizationId" = {0} RETURNING "Tier", "Delta", "ListedDelta")
        INSERT INTO "SeatHoldings" ("OrganizationId", "Tier", "Held", "Listed")
        SELECT {0}, "Tier", SUM("Delta")::int, SUM("ListedDelta")::int FROM folded GROUP BY "Tier"
        ON CONFLICT ("OrganizationId", "Tier") DO UPDATE
            SET "Held" = "SeatHoldings"."Held" + EXCLUDED."Held", "Listed" = "SeatHoldings"."Listed" + EXCLUDED."Listed"
        """;
}
