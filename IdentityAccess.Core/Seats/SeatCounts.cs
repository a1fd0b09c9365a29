using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Seats;

/// <summary>Seat counts read inside a caller's transaction, for checks that must hold until its change is saved.</summary>
internal static class SeatCounts
{
    /// <summary>Members holding a seat of this tier: active ones and JIT members blocked from sign-in.</summary>
    public static Task<int> UsedAsync(IdentityAccessDbContext db, Guid organizationId, SeatTier? tier, CancellationToken cancellationToken) =>
        db.Memberships.CountAsync(m => m.OrganizationId == organizationId && m.SeatTier == tier
            && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked || m.Status == MembershipStatus.Invited), cancellationToken);

    /// <summary>Null when the organization has no pool for this tier.</summary>
    public static Task<SeatPool?> PoolAsync(IdentityAccessDbContext db, Guid organizationId, SeatTier? tier, CancellationToken cancellationToken) =>
        db.SeatPools.SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Tier == tier, cancellationToken);
}
