using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Outbox;

/// <summary>
/// The one delivery loop of this process: when SMTP is configured, sends what is due every few seconds. Without SMTP it
/// does not run at all. Several instances may each run one: <see cref="OutboxDispatcher"/> lets one of them have each message.
/// </summary>
public sealed partial class OutboxDelivery(OutboxDispatcher dispatcher, IOptions<SmtpOptions> options, TimeProvider time, ILogger<OutboxDelivery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            LogOutboxOnly(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), time);
        do
        {
            try
            {
                await dispatcher.DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e); // the database was unreachable, say: the next tick tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email:Smtp:Host is not set: invitations and sign-in links stay in the outbox, unsent (the operator command 'outbox list' shows them).")]
    private static partial void LogOutboxOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox delivery pass failed; the next one tries again.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
