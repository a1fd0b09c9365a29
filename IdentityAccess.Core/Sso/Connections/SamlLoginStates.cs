using System.Security.Cryptography;
using System.Text;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sso.Connections;

/// <summary>
/// Outstanding logins. The state key travels as RelayState; a nonce travels in an HttpOnly cookie, so a Response
/// posted by another browser (login CSRF, a stolen RelayState) finds no state to consume.
/// </summary>
public sealed class SamlLoginStates(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A new state key: 256 random bits, 43 characters, within RelayState's 80 bytes (Bindings 3.4.3).</summary>
    public static string NewKey() => NewSecret();

    /// <summary>Stores a new state under <paramref name="key"/>; returns the nonce for the browser's cookie.</summary>
    /// <param name="testSignInId">The test sign-in this login is, or null for a sign-in.</param>
    public async Task<string> CreateAsync(string key, Guid parentId, string requestId, string returnUrl, CancellationToken cancellationToken = default,
        Guid? testSignInId = null)
    {
        var (nonce, now) = (NewSecret(), time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Stale states are useless; removing them here keeps the table small without a background job.
        await db.SamlLoginStates.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.SamlLoginStates.Add(new SamlLoginState
        {
            Key = key,
            RequestId = requestId,
            ParentOrganizationId = parentId,
            NonceHash = Hash(nonce),
            ReturnUrl = returnUrl,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            TestSignInId = testSignInId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return nonce;
    }

    /// <summary>
    /// Marks the state used in one conditional UPDATE (key, nonce, unused, unexpired), so two concurrent Responses
    /// cannot both consume it, and reads it back from the same statement. Null when nothing matched: unknown, expired,
    /// already used or another browser's.
    /// </summary>
    public async Task<SamlLoginState?> ConsumeAsync(string? key, string? nonce, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ConsumeAsync(db, key, nonce, cancellationToken);
    }

    /// <summary>
    /// The same in the caller's transaction (the ACS's one transaction): a second Response for the same state waits on
    /// the row (PostgreSQL) or the write lock (SQLite) until this one commits, then matches nothing. The caller commits
    /// the consumption even when the sign-in is refused or fails, so a state is never usable twice.
    /// </summary>
    public async Task<SamlLoginState?> ConsumeAsync(IdentityAccessDbContext db, string? key, string? nonce, CancellationToken cancellationToken = default)
    {
        if (!CanMatch(key, nonce))
        {
            return null;
        }

        var (hash, now) = (Hash(nonce!), ProviderValue(db, time.GetUtcNow()));
        // One statement: the conditional UPDATE hands back the row it consumed (RETURNING, SQLite 3.35+ and PostgreSQL),
        // instead of an UPDATE and a second read of the same row. The key is the primary key: at most one row.
        var consumed = await db.SamlLoginStates.FromSql($"""
            UPDATE "SamlLoginStates" SET "UsedAt" = {now}
            WHERE "Key" = {key} AND "NonceHash" = {hash} AND "UsedAt" IS NULL AND "ExpiresAt" > {now}
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return consumed.SingleOrDefault();
    }

    /// <summary>
    /// A time as the column stores it: raw SQL parameters skip the model's converters, and SQLite keeps times as
    /// integers (<c>SqliteIdentityAccessDbContext</c>), so the comparison must be made on the stored form.
    /// </summary>
    private static object ProviderValue(IdentityAccessDbContext db, DateTimeOffset value) =>
        db.Model.FindEntityType(typeof(SamlLoginState))!.FindProperty(nameof(SamlLoginState.ExpiresAt))!.GetTypeMapping().Converter?.ConvertToProvider(value)
        ?? value;

    /// <summary>False when no state can match (no key, no cookie, an oversized key): refused before any database work.</summary>
    public static bool CanMatch(string? key, string? nonce) => !string.IsNullOrEmpty(key) && key.Length <= 64 && !string.IsNullOrEmpty(nonce);

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string nonce) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
