using System.Collections.Concurrent;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning.Snapshots;

/// <summary>
/// One <see cref="ParentSnapshot"/> per parent, reused while its stamps are current. Each use reads the stamps in the
/// caller's transaction (one statement) and reloads on any difference, so a reconcile never works from settings,
/// mappings, seat pools, domains or group names older than what it would have read itself, whichever instance or
/// hand changed them: database triggers set the stamps (migration ConfigurationStamps), not the code that saves.
/// </summary>
/// <remarks>
/// A snapshot may be built from a transaction that later rolls back; its stamps were random values written by that
/// transaction, which the database will not hold again, so it is never matched afterwards.
/// </remarks>
public sealed class ParentSnapshots
{
    private readonly ConcurrentDictionary<Guid, ParentSnapshot> _current = new();

    // Read at the start of every SCIM batch and sign-in: compiled, since EF's per-call translation-cache lookup cost more
    // than the read itself. Per instance, so per app and so per EF model, as a compiled query needs.
    private readonly Func<IdentityAccessDbContext, Guid, CancellationToken, Task<StampsRow?>> _stamps =
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid parentId, CancellationToken _) => db.ParentOrganizations.AsNoTracking()
            .Where(p => p.Id == parentId)
            .Select(p => new StampsRow(p.Plan, p.RemovalGraceDays, p.ConfigurationStamp,
                p.Organizations.OrderBy(o => o.Id).Select(o => new OrganizationStamp(o.Id, o.ConfigurationStamp)).ToList()))
            .SingleOrDefault());

    /// <summary>The parent's snapshot as of this transaction; null when the parent does not exist.</summary>
    internal async Task<ParentSnapshot?> CurrentAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken)
    {
        var stamps = await StampsAsync(db, parentId, cancellationToken);
        if (stamps is null)
        {
            _current.TryRemove(parentId, out _);
            return null;
        }

        if (_current.TryGetValue(parentId, out var cached) && cached.Stamps.Matches(stamps))
        {
            return cached;
        }

        var loaded = await LoadAsync(db, parentId, stamps, cancellationToken);
        _current[parentId] = loaded;
        return loaded;
    }

    private async Task<ParentStamps?> StampsAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        await _stamps(db, parentId, cancellationToken) is { } row
            ? new ParentStamps(row.Plan, row.RemovalGraceDays, row.Stamp, [.. row.Organizations.Select(o => (o.Id, o.Stamp))])
            : null;

    private sealed record StampsRow(ParentPlan Plan, int RemovalGraceDays, long Stamp, List<OrganizationStamp> Organizations);

    private sealed record OrganizationStamp(Guid Id, long Stamp);

    /// <summary>What the reconcile's loader would read for each organization, for all of them at once.</summary>
    private static async Task<ParentSnapshot> LoadAsync(IdentityAccessDbContext db, Guid parentId, ParentStamps stamps, CancellationToken cancellationToken)
    {
        var domains = await ParentDomains.LoadAsync(db, parentId, cancellationToken);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentOrganizationId == parentId) // every mode: SSO reads them all, JIT provisions from their settings
            .OrderBy(o => o.Id).ToListAsync(cancellationToken); // one lock order for every writer: no deadlock
        var ids = organizations.Select(o => o.Id).ToList();
        // Only when the parent changed since the last batch, so one query per table (no empty-list special case).
        var mappings = (await db.GroupMappings.AsNoTracking().Where(m => ids.Contains(m.OrganizationId))
                .OrderBy(m => m.GroupExternalId).ToListAsync(cancellationToken)) // the saved draft's order, as ProvisioningInputLoader reads it
            .ToLookup(m => m.OrganizationId);
        var pools = (await db.SeatPools.AsNoTracking().Where(p => ids.Contains(p.OrganizationId)).ToListAsync(cancellationToken)).ToLookup(p => p.OrganizationId);
        var groups = await ProvisioningInputLoader.GroupNamesAsync(db, parentId, cancellationToken);
        return new ParentSnapshot(parentId, stamps, domains,
            [.. organizations.Select(o => new OrganizationSnapshot(o.Id, parentId, o.Name, o.Plan, stamps.Plan, o.ProvisioningMode, o.SettingsVersion,
                stamps.RemovalGraceDays, [.. pools[o.Id].Select(p => new SeatPoolFacts(p.Tier, p.Purchased))]))],
            organizations.ToDictionary(o => o.Id, o => ProvisioningInputLoader.SavedDraft(o, mappings[o.Id])),
            groups);
    }
}
