using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Seats;

/// <summary>Counts seats per tier with two grouped queries, never by loading members.</summary>
public sealed class SeatLedger(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public async Task<IReadOnlyList<SeatUsage>> GetUsageAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pools = await db.SeatPools.AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .Select(p => new { p.Tier, p.Purchased }).ToListAsync(cancellationToken);
        var counts = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId
                && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked || m.Status == MembershipStatus.Invited
                    || m.Status == MembershipStatus.PendingSeat))
            .GroupBy(m => new { m.SeatTier, m.Status })
            .Select(g => new { g.Key.SeatTier, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int Used(SeatTier? tier) => counts.Where(c => c.SeatTier == tier && MembershipStatuses.HoldsSeat(c.Status)).Sum(c => c.Count);
        int Pending(SeatTier? tier) => counts.Where(c => c.SeatTier == tier && c.Status == MembershipStatus.PendingSeat).Sum(c => c.Count);

        return [.. pools.OrderBy(p => p.Tier).Select(p => new SeatUsage(p.Tier, p.Purchased, Used(p.Tier), Pending(p.Tier)))];
    }
}
