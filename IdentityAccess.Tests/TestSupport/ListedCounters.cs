using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>The listed-member counters the database's triggers keep (the members page's total), against a count of the listed memberships.</summary>
public static class ListedCounters
{
    public static async Task AssertMatchCountAsync(IdentityAccessDbContext db)
    {
        var counted = await db.Memberships.Where(m => m.Status != MembershipStatus.Removed)
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(c => c.Key, c => c.Count);
        foreach (var organizationId in await db.Organizations.Select(o => o.Id).ToListAsync())
        {
            Assert.Equal(counted.GetValueOrDefault(organizationId), await SeatHoldingCounts.ListedAsync(db, organizationId));
        }
    }
}
