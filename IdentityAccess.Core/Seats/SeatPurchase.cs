using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Seats;

/// <summary>
/// A stand-in for billing: sets how many seats of one tier an organization has bought. It never takes a seat from
/// anyone, so it refuses to go below the seats in use.
/// </summary>
public sealed class SeatPurchase(GuardedWrites writes, AuditLog audit)
{
    public const int MaxSeats = 1_000_000;

    /// <param name="tier">The chat tier; null for a Console organization, whose seats have no tier.</param>
    /// <param name="purchased">The new total of seats in that tier, not the number to add.</param>
    public async Task<IReadOnlyList<Error>> SetPurchasedAsync(Guid organizationId, SeatTier? tier, int purchased, Guid actingPersonId,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.BuySeats, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return [refused];
        }

        var (db, organization) = (write.Db, write.Organization!);

        if (RoleCatalog.CheckTier(organization.Product, tier) is { } invalid)
        {
            return [invalid];
        }

        if (purchased is < 0 or > MaxSeats)
        {
            return [new ValidationFailed(nameof(purchased), ValidationRule.SeatsOutOfRange, MaxSeats)];
        }

        var pool = await SeatCounts.PoolAsync(db, organizationId, tier, cancellationToken);
        if (pool is null)
        {
            return [tier is null ? new ValidationFailed(nameof(tier), ValidationRule.NoSeatsToChange, organization.Name)
                : new ValidationFailed(nameof(tier), ValidationRule.NoTierSeatsToChange, organization.Name, tier)];
        }

        var inUse = await SeatCounts.UsedAsync(db, organizationId, tier, cancellationToken);
        if (purchased < inUse)
        {
            return [new SeatsInUse(inUse)];
        }

        if (pool.Purchased == purchased)
        {
            return [];
        }

        var before = new { Tier = tier?.ToString(), pool.Purchased };
        pool.Purchased = purchased;
        audit.Record(db, write.Actor, "seats.purchased", organization.Name,
            before, new { Tier = tier?.ToString(), Purchased = purchased }, organizationId, organization.ParentId);
        return await write.CommitAsync(cancellationToken) is { } conflict ? [conflict] : [];
    }
}
