using System.Collections.Concurrent;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// Appends SCIM requests to their directory's provisioning log and applies the retention rule of
/// <see cref="ProvisioningLogOptions"/> as it goes. A row is its own short write, after the request's own
/// transaction, so the log never holds up or undoes directory changes.
/// </summary>
public sealed class ProvisioningLogWriter(
    IDbContextFactory<IdentityAccessDbContext> contexts, IOptions<ProvisioningLogOptions> options, TimeProvider time, ILogger<ProvisioningLogWriter> logger)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastPruned = new();

    public async Task RecordAsync(ProvisioningLogEntry entry, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ProvisioningLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);

        if (PruneDue(entry.ParentOrganizationId))
        {
            try
            {
                await PruneAsync(entry.ParentOrganizationId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The row is written; an overdue prune is retried at the next interval.
                logger.LogWarning(ex, "Pruning the provisioning log of directory {ParentId} failed.", entry.ParentOrganizationId);
            }
        }
    }

    /// <summary>Deletes this directory's rows older than the retention period, then all but the newest rows over the cap.</summary>
    public async Task<int> PruneAsync(Guid parentId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cutoff = time.GetUtcNow().AddDays(-settings.RetentionDays);
        var entries = db.ProvisioningLog.Where(e => e.ParentOrganizationId == parentId);
        var deleted = await entries.Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var oldestKept = await entries.OrderByDescending(e => e.Id).Skip(settings.MaxRowsPerDirectory - 1).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } id)
        {
            deleted += await entries.Where(e => e.Id < id).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }

    // One prune per interval per directory, even when requests arrive in parallel: only the winner of the swap prunes.
    private bool PruneDue(Guid parentId)
    {
        var now = time.GetUtcNow();
        return _lastPruned.TryGetValue(parentId, out var last)
            ? now - last >= options.Value.PruneInterval && _lastPruned.TryUpdate(parentId, now, last)
            : _lastPruned.TryAdd(parentId, now);
    }
}
