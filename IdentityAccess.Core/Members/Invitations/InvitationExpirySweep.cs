using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>The process's one expiry loop: runs <see cref="InvitationExpiry"/> every few minutes, on the app's clock.</summary>
public sealed partial class InvitationExpirySweep(InvitationExpiry expiry, IOptions<InvitationOptions> options, TimeProvider time,
    ILogger<InvitationExpirySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await expiry.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e); // nothing half-done: one transaction per organization; the next tick tries again
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The invitation expiry sweep failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
