namespace IdentityAccess.Core.Api.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> an API key sent with a POST: the request it stood for (a hash) and, once answered, the
/// answer, replayed to a retry instead of doing the work twice. Kept for <see cref="ApiIdempotencyStore.Retention"/>.
/// </summary>
public sealed class ApiIdempotencyRecord
{
    public const int MaxKeyLength = 255;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Keys are per API key: another key sending the same value is another request, and never sees this answer.</summary>
    public Guid ApiKeyId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 (hex) of the method, path, query and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Null while the first request is still being answered.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public int? Status { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }
}
