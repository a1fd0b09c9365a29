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
        ArgumentException.ThrowIfNullOrEmpty(assertionId);
        var key = Key(assertionId);
        var now = time.GetUtcNow();
        if (Interlocked.Read(ref _nextPurgeTicks) <= now.UtcTicks)
        {
            Interlocked.Exchange(ref _nextPurgeTicks, (now + _purgeInterval).UtcTicks);
            await PurgeExpiredAsync(cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // An expired entry for the same ID may still be there: remove it first. Two racing callers may both delete,
        // but only one of their inserts can succeed.
        await db.SamlReplayEntries.Where(e => e.AssertionId == key && e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.SamlReplayEntries.Add(new SamlReplayEntry { AssertionId = key, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
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
}
