using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Outbox;

/// <summary>
/// Every message, newest first, without an access check: for the operator command line (the database's own rights) and
/// the Development-only mailbox page. An organization's own messages reach its members page through the invitations.
/// </summary>
public sealed class OutboxReader(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(bool unsentOnly = false, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = db.OutboxMessages.AsNoTracking();
        if (unsentOnly)
        {
            messages = messages.Where(m => m.SentAt == null);
        }

        return await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(cancellationToken);
    }
}
