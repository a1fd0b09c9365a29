using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.Core.Provisioning.SyncRuns;

/// <summary>Runs the queued Sync now runs of this instance one after the other, off any request's thread.</summary>
public sealed partial class SyncRunWorker(SyncRunQueue queue, SyncRunService runs, ILogger<SyncRunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync now run {RunId} could not be recorded")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId);
}
