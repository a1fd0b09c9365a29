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

        // One statement, atomic on both providers: the entry is added, or an expired one with the same ID is renewed;
        // a live one is left as it is and no row is written, which is the replay. Of two transactions remembering the
        // same ID, the second waits on the first's row (PostgreSQL) or the write lock (SQLite) and, once the first
        // commits, finds it live. Nothing fails, so the caller's transaction needs no savepoint around it.
        var (stored, storedNow) = (ProviderValue(db, expiresAt.ToUniversalTime()), ProviderValue(db, now.ToUniversalTime()));
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SamlReplayEntries" ("AssertionId", "ExpiresAt") VALUES ({key}, {stored})
            ON CONFLICT ("AssertionId") DO UPDATE SET "ExpiresAt" = excluded."ExpiresAt"
            WHERE "SamlReplayEntries"."ExpiresAt" <= {storedNow}
            """, cancellationToken);
        return written == 1;
    }

    /// <summary>
    /// A time as the column stores it: raw SQL parameters skip the model's converters, and SQLite keeps times as
    /// integers (<c>SqliteIdentityAccessDbContext</c>), so the comparison must be made on the stored form.
    /// </summary>
    private static object ProviderValue(IdentityAccessDbContext db, DateTimeOffset value) =>
        db.Model.FindEntityType(typeof(SamlReplayEntry))!.FindProperty(nameof(SamlReplayEntry.ExpiresAt))!.GetTypeMapping().Converter?.ConvertToProvider(value)
        ?? value;

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
