using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c>s of the management API's POSTs (IETF draft "The Idempotency-Key HTTP Header Field"): a
/// client that lost an answer (a timeout, a dropped connection) sends the same request with the same key again and gets
/// the first answer, and the change is made once. In the database, so a retry that reaches another instance is
/// answered the same, and two racing first requests are told apart by the unique (API key, key) index.
/// </summary>
public sealed class ApiIdempotencyStore(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time)
{
    /// <summary>How long an answer is kept for retries (the draft leaves it to the server; Stripe keeps 24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// A first request still unanswered after this is taken as lost (its instance stopped mid-way): a retry may claim
    /// the key again. Longer than any request is allowed to run.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>The largest answer kept for replay; a larger one is answered but not kept (a retry does the work again).</summary>
    public const int MaxStoredBody = 1024 * 1024;

    public async Task<ApiIdempotencyClaim> ClaimAsync(Guid apiKeyId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Expired and abandoned records of this key go first: they must not answer, and the table stays small.
        var abandoned = now - AbandonedAfter;
        await db.ApiIdempotencyRecords
            .Where(r => r.ApiKeyId == apiKeyId && (r.ExpiresAt <= now || (r.CompletedAt == null && r.CreatedAt <= abandoned)))
            .ExecuteDeleteAsync(cancellationToken);

        var record = new ApiIdempotencyRecord { ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + Retention };
        db.ApiIdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ApiIdempotencyClaim.Claimed(record.Id);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        // Someone holds the key: the earlier request's record (read after the unique index refused ours).
        var earlier = await db.ApiIdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, cancellationToken);
        if (earlier is null)
        {
            throw new InvalidOperationException("The idempotency record could not be written, and no earlier record holds its key.");
        }

        if (earlier.RequestHash != requestHash)
        {
            return new ApiIdempotencyClaim.OtherRequest();
        }

        return earlier.CompletedAt is null || earlier.Status is not { } status
            ? new ApiIdempotencyClaim.InProgress()
            : new ApiIdempotencyClaim.Replay(status, earlier.ContentType, earlier.Location, earlier.Body ?? []);
    }

    /// <summary>The answer to keep; one too large to keep releases the key instead.</summary>
    public async Task CompleteAsync(Guid recordId, int status, string? contentType, string? location, byte[] body, CancellationToken cancellationToken)
    {
        if (body.Length > MaxStoredBody)
        {
            await ReleaseAsync(recordId, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApiIdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CompletedAt, now)
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body), cancellationToken);
    }

    /// <summary>No answer to keep (a server error, a request that broke): a retry with the key does the work.</summary>
    public async Task ReleaseAsync(Guid recordId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApiIdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(cancellationToken);
    }
}
