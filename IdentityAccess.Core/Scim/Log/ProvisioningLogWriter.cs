using System.Collections.Concurrent;
using System.Threading.Channels;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Scim.Log;

/// <summary>
/// Appends rows to their directory's provisioning log, in one of two ways. A SCIM request (and a sign-in that failed on
/// the server, whose transaction is gone) only queues its row (<see cref="Enqueue"/>): one background loop writes what
/// has queued in batches (one transaction for many rows, so the log costs SCIM neither an extra commit per request nor
/// any latency); a full queue drops rows, a failed batch is logged and dropped, and rows still queued when the process
/// dies are lost. Work that has a transaction of its own anyway (a SAML sign-in, Sync now) adds its row to it
/// (<see cref="AddTo"/>): the row commits with what it describes, or not at all, with no second commit or sync. Either
/// way the background loop applies the retention rule of <see cref="ProvisioningLogOptions"/> to the row's directory.
/// </summary>
public sealed class ProvisioningLogWriter(
    IDbContextFactory<IdentityAccessDbContext> contexts, IOptions<ProvisioningLogOptions> options, TimeProvider time, ILogger<ProvisioningLogWriter> logger)
{
    public const int QueueCapacity = 10_000;
    public const int MaxBatch = 500;

    private readonly Channel<ProvisioningLogEntry> _queue = Channel.CreateBounded<ProvisioningLogEntry>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true }); // TryWrite: false when full, never waits

    // Directories whose prune is due after a row written in a caller's transaction; at most one per directory per
    // prune interval (PruneDue), so it stays short.
    private readonly Channel<Guid> _prunes = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastPruned = new();
    private long _queued;
    private long _done;
    private long _dropped;
    private long _prunesRequested;
    private long _prunesDone;

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

    /// <summary>
    /// Adds the row to <paramref name="db"/>, to be written by the caller's own save and commit with the change it
    /// describes; a rollback takes it away too. Its directory's prune, when due, runs later on the background loop.
    /// </summary>
    public void AddTo(IdentityAccessDbContext db, ProvisioningLogEntry entry)
    {
        db.ProvisioningLog.Add(entry);
        if (PruneDue(entry.ParentOrganizationId))
        {
            Interlocked.Increment(ref _prunesRequested);
            _prunes.Writer.TryWrite(entry.ParentOrganizationId); // unbounded: never refused
        }
    }

    /// <summary>Completes once every row queued and every prune asked for before the call is done (or failed). For tests and shutdown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var (rows, prunes) = (Interlocked.Read(ref _queued), Interlocked.Read(ref _prunesRequested));
        while (Interlocked.Read(ref _done) < rows || Interlocked.Read(ref _prunesDone) < prunes)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken); // real time, also under a fake TimeProvider
        }
    }

    /// <summary>
    /// The background loops, until stopped: queued rows written up to <see cref="MaxBatch"/> at a time (then drained),
    /// and the prunes asked for by rows written in a caller's transaction.
    /// </summary>
    public Task RunAsync(CancellationToken stoppingToken) => Task.WhenAll(WriteLoopAsync(stoppingToken), PruneLoopAsync(stoppingToken));

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
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
            await TryPruneAsync(parentId, cancellationToken);
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

    private async Task PruneLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _prunes.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_prunes.Reader.TryRead(out var parentId))
                {
                    await TryPruneAsync(parentId, CancellationToken.None);
                    Interlocked.Increment(ref _prunesDone);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A prune left undone is due again with the directory's next row.
        }
    }

    private async Task TryPruneAsync(Guid parentId, CancellationToken cancellationToken)
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

    // One prune per interval per directory: only the winner of the swap prunes.
    private bool PruneDue(Guid parentId)
    {
        var now = time.GetUtcNow();
        return _lastPruned.TryGetValue(parentId, out var last)
            ? now - last >= options.Value.PruneInterval && _lastPruned.TryUpdate(parentId, now, last)
            : _lastPruned.TryAdd(parentId, now);
    }
}
