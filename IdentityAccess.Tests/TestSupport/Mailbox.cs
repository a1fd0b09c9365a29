using IdentityAccess.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>Reads the outbox as the person's mailbox: the latest email to an address, and the secret of the link in it.</summary>
public static class Mailbox
{
    public static async Task<OutboxMessage> LatestAsync(IdentityAccessWebFactory factory, string to, OutboxMessageKind kind)
    {
        await using var db = await factory.CreateDbContextAsync();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == to && m.Kind == kind).ToListAsync();
        return messages.MaxBy(m => (m.CreatedAt, m.Id)) ?? throw new InvalidOperationException($"No {kind} email to {to}.");
    }

    public static async Task<string> LatestSecretAsync(IdentityAccessWebFactory factory, string to, OutboxMessageKind kind) =>
        SecretOf(await LatestAsync(factory, to, kind));

    public static string SecretOf(OutboxMessage message) => OutboxText.Links(message.TextBody).Single().Split('/')[^1];
}
