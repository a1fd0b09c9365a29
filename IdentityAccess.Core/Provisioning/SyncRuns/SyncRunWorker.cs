using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>
/// Runs the queued Sync now runs of this instance one after the other, off any request's thread; meanwhile keeps their
/// heartbeat, and marks abandoned the runs a dead instance left running (<see cref="SyncRunLiveness"/>).
/// </summary>
public sealed partial class SyncRunWorker(SyncRunQueue queue, SyncRunService runs, SyncRunLiveness liveness, TimeProvider time, ILogger<SyncRunWorker> logger)
    : BackgroundService
{
    // Runs started before this are not this instance's: only those may be found abandoned by it.
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepAsync(stoppingToken);
        var heartbeat = HeartbeatAsync(stoppingToken);
        try
        {
            await foreach (var runId in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await runs.RunAsync(runId, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e, runId); // RunAsync records its own failures; this is a failure to record one
                }
                finally
                {
                    queue.Release(runId);
                }
            }
        }
        finally
        {
            await heartbeat;
        }
    }

    /// <summary>Every <see cref="SyncRunLiveness.HeartbeatEvery"/>: this instance's runs are alive; a dead one's are swept.</summary>
    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SyncRunLiveness.HeartbeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await liveness.HeartbeatAsync(queue.Held, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, e); // the next tick tries again; ten missed ones before another instance sweeps
                }

                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the runs' rows stop being touched, as they should.
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await liveness.AbandonStaleAsync(_startedAt, stoppingToken) is > 0 and var swept)
            {
                LogAbandoned(logger, swept);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(logger, e); // a database not reachable at startup must not stop the app; the next tick sweeps
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync now run {RunId} could not be recorded")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} Sync now runs abandoned: their instance stopped sending heartbeats")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync now runs' heartbeat could not be written")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoned Sync now runs could not be swept")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
