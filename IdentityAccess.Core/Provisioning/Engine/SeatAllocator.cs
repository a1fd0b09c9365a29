using IdentityAccess.Core.Roles;

namespace IdentityAccess.Core.Provisioning.Engine;

/// <summary>
/// Hands out seats without ever evicting anyone: current seat holders are served first, then the pending queue in
/// the order people started waiting, then newcomers in the order the IdP assigned them.
/// </summary>
internal sealed class SeatAllocator
{
    private readonly Dictionary<SeatTier, int> _freeByTier = [];
    private readonly IReadOnlyList<SeatTier> _tiers;
    private int _freeUntiered;

    public SeatAllocator(OrganizationFacts organization)
    {
        _tiers = RoleCatalog.TiersOf(organization.Product);
        foreach (var pool in organization.Seats)
        {
            if (pool.Tier is { } tier)
            {
                _freeByTier[tier] = _freeByTier.GetValueOrDefault(tier) + pool.Purchased;
            }
            else
            {
                _freeUntiered += pool.Purchased;
            }
        }
    }

    public bool HasTiers => _tiers.Count > 0;

    /// <summary>A seat already held and kept: counted even past the purchased number, because nobody is evicted.</summary>
    public void Keep(SeatTier? tier) => Take(tier);

    public bool TryTake(SeatTier? tier)
    {
        if (Free(tier) <= 0)
        {
            return false;
        }

        Take(tier);
        return true;
    }

    /// <summary>The highest tier with a free seat (or the untiered pool), if any.</summary>
    public bool TryTakeHighestFree(out SeatTier? tier)
    {
        if (!HasTiers)
        {
            tier = null;
            return TryTake(null);
        }

        foreach (var candidate in _tiers)
        {
            if (TryTake(candidate))
            {
                tier = candidate;
                return true;
            }
        }

        tier = null;
        return false;
    }

    private int Free(SeatTier? tier) => tier is { } t ? _freeByTier.GetValueOrDefault(t) : _freeUntiered;

    private void Take(SeatTier? tier)
    {
        if (tier is { } t)
        {
            _freeByTier[t] = _freeByTier.GetValueOrDefault(t) - 1;
        }
        else
        {
            _freeUntiered--;
        }
    }
}
