using System.Runtime.CompilerServices;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// Reads a parent's provisioning log for the portal, reached through one of its organizations: the page and the
/// sync health check that the acting person may manage identity and access there; the export's endpoint checks first.
/// </summary>
public sealed class ProvisioningLogReader(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, TimeProvider time)
{
    public const int ExportPageSize = 1_000;

    /// <summary>A page newest first, or null when the person may not see this organization's directory.</summary>
    public async Task<ProvisioningLogPage?> GetPageAsync(Guid organizationId, Guid? actingPersonId, ProvisioningLogQuery query,
        CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actingPersonId, cancellationToken) is not { } parentId)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = query.Apply(db.ProvisioningLog.AsNoTracking().Where(e => e.ParentOrganizationId == parentId));
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, ProvisioningLogQuery.MaxTake)).ToListAsync(cancellationToken);
        return new ProvisioningLogPage(items, total);
    }

    /// <summary>
    /// Up to <paramref name="take"/> matching rows of the parent's directory log, newest first, below the row id
    /// <paramref name="below"/> (null: from the newest). The management API's cursor: rows logged meanwhile have higher
    /// ids, so they never shift what is still to read. The caller has checked the acting person may read it.
    /// </summary>
    public async Task<IReadOnlyList<ProvisioningLogEntry>> GetBelowAsync(Guid parentId, ProvisioningLogQuery filter, long? below, int take,
        CancellationToken cancellationToken = default) =>
        await ReadBelowAsync(parentId, filter, below, Math.Clamp(take, 1, ProvisioningLogQuery.MaxTake + 1), cancellationToken);

    /// <summary>
    /// Every row of the directory's log that matches, newest first, a page at a time: each page is its own short query
    /// continuing below the last id seen, so an export holds neither every row nor a connection while the client downloads.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ProvisioningLogEntry>> ReadPagesAsync(Guid parentId, ProvisioningLogQuery filter, int pageSize = ExportPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        long? below = null;
        while (true)
        {
            var page = await ReadBelowAsync(parentId, filter, below, pageSize, cancellationToken);
            if (page.Count > 0)
            {
                yield return page;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            below = page[^1].Id;
        }
    }

    private async Task<List<ProvisioningLogEntry>> ReadBelowAsync(Guid parentId, ProvisioningLogQuery filter, long? below, int take,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = filter.Apply(db.ProvisioningLog.AsNoTracking().Where(e => e.ParentOrganizationId == parentId));
        if (below is { } id)
        {
            entries = entries.Where(e => e.Id < id);
        }

        return await entries.OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Sync health for the Identity and access page, or null when the person may not manage it.</summary>
    public async Task<DirectorySyncStatus?> GetStatusAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (await ParentAsync(organizationId, actingPersonId, cancellationToken) is not { } parentId)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var since = now.AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var log = db.ProvisioningLog.AsNoTracking().Where(e => e.ParentOrganizationId == parentId);
        var tokens = await db.ScimTokens.AsNoTracking().Where(t => t.ParentOrganizationId == parentId && t.RevokedAt == null)
            .Select(t => new { t.Id, t.Prefix, t.CreatedAt, t.LastUsedAt }).ToListAsync(cancellationToken);
        var health = new List<TokenSyncHealth>();
        foreach (var token in tokens.OrderBy(t => t.CreatedAt))
        {
            var mine = log.Where(e => e.TokenId == token.Id);
            var lastLogged = await mine.OrderByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(cancellationToken);
            var lastError = await mine.Where(e => e.Status >= 400).OrderByDescending(e => e.Id)
                .Select(e => new LoggedError(e.Status, e.ErrorDetail, e.OccurredAt, e.TextCodes)).FirstOrDefaultAsync(cancellationToken);
            health.Add(new TokenSyncHealth(token.Id, token.Prefix, token.CreatedAt, Latest(token.LastUsedAt, lastLogged),
                await mine.CountAsync(e => e.OccurredAt >= since, cancellationToken),
                await mine.CountAsync(e => e.OccurredAt >= since && e.Status >= 400, cancellationToken),
                lastError));
        }

        var valid = tokens.Select(t => t.Id).ToList();
        var revokedInUse = await log.CountAsync(e => e.OccurredAt >= since && e.Status == 401 && e.TokenId != null && !valid.Contains(e.TokenId.Value), cancellationToken);
        return new DirectorySyncStatus(now, health, revokedInUse, await DirectoryGroupNesting.FlaggedKeysAsync(db, parentId, cancellationToken));
    }

    /// <summary>The parent whose log this person may read through this organization (Owner of chat, Admin of Console), or null.</summary>
    public async Task<Guid?> ParentAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ViewAuditLog, cancellationToken);
        return check.IsGranted ? check.Organization!.ParentId : null;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
