using System.Collections.Concurrent;
using System.Threading.Channels;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// Appends SCIM requests to their directory's provisioning log. A request only queues its row; one background loop
/// writes what has queued in batches (one transaction for many rows, so the log costs SCIM neither an extra commit
/// per request nor any latency) and applies the retention rule of <see cref="ProvisioningLogOptions"/> as it goes.
/// The log never holds up, undoes or fails a directory change: a full queue drops rows, a failed batch is logged
/// and dropped, and rows still queued when the process dies are lost.
/// </summary>
public sealed class ProvisioningLogWriter(
    IDbContextFactory<IdentityAccessDbContext> contexts, IOptions<ProvisioningLogOptions> options, TimeProvider time, ILogger<ProvisioningLogWriter> logger)
{
    public const int QueueCapacity = 10_000;
    public const int MaxBatch = 500;

    private readonly Channel<ProvisioningLogEntry> _queue = Channel.CreateBounded<ProvisioningLogEntry>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true }); // TryWrite: false when full, never waits

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastPruned = new();
    private long _queued;
    private long _done;
    private long _dropped;

    /// <summary>Queues the row; false (and the row is dropped) when the writer is <see cref="QueueCapacity"/> rows behind.</summary>
    public bool Enqueue(ProvisioningLogEntry entry)
    {
        if (_queue.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _queued);
            return true;
        }

        if (Interlocked.Increment(ref _dropped) % 1_000 == 1)
        {
            logger.LogWarning("The provisioning log queue is full; {Dropped} row(s) dropped so far.", Interlocked.Read(ref _dropped));
        }

        return false;
    }

    /// <summary>Completes once every row queued before the call is written (or its batch failed). For tests and shutdown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _done) < target)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken); // real time, also under a fake TimeProvider
        }
    }

    /// <summary>The background loop: waits for rows, writes up to <see cref="MaxBatch"/> at a time, until stopped, then drains.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await WriteQueuedAsync(CancellationToken.None); // what the last requests queued
        }
    }

    /// <summary>Writes rows in one transaction, then prunes each of their directories whose prune is due.</summary>
    public async Task WriteBatchAsync(IReadOnlyList<ProvisioningLogEntry> entries, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.ProvisioningLog.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var parentId in entries.Select(e => e.ParentOrganizationId).Distinct().Where(PruneDue))
        {
            try
            {
                await PruneAsync(parentId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The rows are written; an overdue prune is retried at the next interval.
                logger.LogWarning(ex, "Pruning the provisioning log of directory {ParentId} failed.", parentId);
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

    private async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        var batch = new List<ProvisioningLogEntry>(MaxBatch);
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await WriteBatchAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not write {Count} provisioning log row(s); they are dropped.", batch.Count);
            }
            finally
            {
                Interlocked.Add(ref _done, batch.Count);
            }
        }
    }

    // One prune per interval per directory: only the winner of the swap prunes.
    private bool PruneDue(Guid parentId)
    {
        var now = time.GetUtcNow();
        return _lastPruned.TryGetValue(parentId, out var last)
            ? now - last >= options.Value.PruneInterval && _lastPruned.TryUpdate(parentId, now, last)
            : _lastPruned.TryAdd(parentId, now);
    }
}
