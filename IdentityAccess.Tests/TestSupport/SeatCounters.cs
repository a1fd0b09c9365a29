using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The counters the database's triggers keep, against a count: the seats held (memberships that hold a seat) and the
/// listed members (every status but Removed: the members page's total).
/// </summary>
public static class SeatCounters
{
    public static async Task AssertMatchCountAsync(IdentityAccessDbContext db)
    {
        // The statuses MembershipStatuses.HoldsSeat names (and the triggers count): Invited holds the invited person's seat.
        var counted = (await db.Memberships.Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked
                || m.Status == MembershipStatus.Invited)
                .GroupBy(m => new { m.OrganizationId, m.SeatTier }).Select(g => new { g.Key.OrganizationId, g.Key.SeatTier, Count = g.Count() }).ToListAsync())
            .ToDictionary(c => (c.OrganizationId, c.SeatTier?.ToString() ?? SeatHolding.NoTier), c => c.Count);
        var kept = new Dictionary<(Guid, string), int>();
        foreach (var organizationId in await db.Organizations.Select(o => o.Id).ToListAsync())
        {
            foreach (var (tier, held) in await SeatHoldingCounts.HeldAsync(db, organizationId))
            {
                kept[(organizationId, tier)] = held;
            }
        }

        Assert.Equal(counted.OrderBy(c => c.Key.ToString()), kept.OrderBy(c => c.Key.ToString()));

        var listed = await db.Memberships.Where(m => m.Status != MembershipStatus.Removed)
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count);
        foreach (var organizationId in await db.Organizations.Select(o => o.Id).ToListAsync())
        {
            Assert.Equal(listed.GetValueOrDefault(organizationId), await SeatHoldingCounts.ListedAsync(db, organizationId));
        }
    }
}
