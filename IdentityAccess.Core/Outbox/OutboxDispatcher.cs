using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Outbox;

/// <summary>
/// One pass over the outbox: each message due is claimed, sent through SMTP, and marked sent with its link's secret
/// taken out of the stored copy; a failure keeps the message, its error and a later time to try again (doubling, at
/// most an hour apart). Without SMTP configured nothing is sent and the messages stay visible where they are listed.
/// </summary>
public sealed partial class OutboxDispatcher(IDbContextFactory<IdentityAccessDbContext> contexts, SmtpMailSender sender, IOptions<SmtpOptions> options,
    TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;

    /// <summary>How long a claimed message is left to its sender before another pass may take it again (a crash mid-send).</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <returns>How many messages were sent.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.IsConfigured)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await Due(db, now).OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            sent += await DeliverAsync(id, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    /// <summary>The backoff after <paramref name="attempts"/> failed tries: 30 s, 1 min, 2 min … at most an hour.</summary>
    internal static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20))));

    private async Task<bool> DeliverAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Several app instances may poll at once: the conditional update lets exactly one of them have the message.
        var now = time.GetUtcNow();
        var leaseEnds = now + Lease;
        var claimed = await Due(db, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, leaseEnds).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            message.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            message.NextAttemptAt = time.GetUtcNow() + Backoff(message.Attempts);
            await db.SaveChangesAsync(CancellationToken.None);
            LogFailed(logger, message.Id, message.Attempts, e);
            return false;
        }

        (message.SentAt, message.NextAttemptAt, message.LastError) = (time.GetUtcNow(), null, null);
        message.TextBody = OutboxText.RedactSecrets(message.TextBody);
        await db.SaveChangesAsync(CancellationToken.None); // sent is sent: a shutdown now must not make it look unsent
        return true;
    }

    private static IQueryable<OutboxMessage> Due(IdentityAccessDbContext db, DateTimeOffset now) =>
        db.OutboxMessages.Where(m => m.SentAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} could not be sent (attempt {Attempts}); it will be tried again.")]
    private static partial void LogFailed(ILogger logger, Guid messageId, int attempts, Exception exception);
}
