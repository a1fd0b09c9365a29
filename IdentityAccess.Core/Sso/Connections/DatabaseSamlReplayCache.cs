using System.Security.Cryptography;
using System.Text;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// The replay cache every instance shares. The primary key makes "insert or fail" atomic on SQLite and PostgreSQL
/// alike: of two requests with the same assertion, exactly one insert succeeds.
/// </summary>
public sealed class DatabaseSamlReplayCache(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time) : ISamlReplayCache
{
    private static readonly TimeSpan _purgeInterval = TimeSpan.FromMinutes(5);
    private long _nextPurgeTicks;

    public async ValueTask<bool> TryRememberAsync(string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RememberAsync(db, assertionId, expiresAt, cancellationToken);
    }

    /// <summary>
    /// The same cache writing in <paramref name="db"/>'s open transaction (the ACS's one transaction): the entry
    /// commits with the consumed login state, or not at all. Of two transactions inserting the same ID, the second
    /// waits for the first and fails on the primary key once it commits, so a replay is still refused.
    /// </summary>
    public ISamlReplayCache In(IdentityAccessDbContext db) => new InTransaction(this, db);

    private async ValueTask<bool> RememberAsync(IdentityAccessDbContext db, string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(assertionId);
        var key = Key(assertionId);
        var now = time.GetUtcNow();
        if (Interlocked.Read(ref _nextPurgeTicks) <= now.UtcTicks)
        {
            Interlocked.Exchange(ref _nextPurgeTicks, (now + _purgeInterval).UtcTicks);
            // In the caller's transaction: on SQLite a second connection would wait for the write lock this one holds.
            await db.SamlReplayEntries.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        }

        // An expired entry for the same ID may still be there: remove it first. Two racing callers may both delete,
        // but only one of their inserts can succeed.
        await db.SamlReplayEntries.Where(e => e.AssertionId == key && e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var entry = new SamlReplayEntry { AssertionId = key, ExpiresAt = expiresAt };
        db.SamlReplayEntries.Add(entry);
        try
        {
            // In a caller's transaction EF saves under a savepoint and rolls back to it on failure, so the
            // transaction stays usable for the refusal's audit entry and the consumed state.
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(entry).State = EntityState.Detached; // not retried by the caller's next save
            return false; // the primary key already holds this ID: a replay
        }
    }

    /// <summary>Removes entries past their expiry; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SamlReplayEntries.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    internal static string Key(string assertionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(assertionId)));

    private sealed class InTransaction(DatabaseSamlReplayCache cache, IdentityAccessDbContext db) : ISamlReplayCache
    {
        public ValueTask<bool> TryRememberAsync(string assertionId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
            cache.RememberAsync(db, assertionId, expiresAt, cancellationToken);
    }
}
