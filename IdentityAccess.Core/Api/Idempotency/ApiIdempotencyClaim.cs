namespace IdentityAccess.Core.Api.Idempotency;

/// <summary>What a POST with an <c>Idempotency-Key</c> may do, as <see cref="ApiIdempotencyStore.ClaimAsync"/> found.</summary>
public abstract record ApiIdempotencyClaim
{
    private ApiIdempotencyClaim()
    {
    }

    /// <summary>First time: do the work, then <see cref="ApiIdempotencyStore.CompleteAsync"/> (or release on a server error).</summary>
    public sealed record Claimed(Guid RecordId) : ApiIdempotencyClaim;

    /// <summary>Answered before: send this answer again; nothing is done twice.</summary>
    public sealed record Replay(int Status, string? ContentType, string? Location, byte[] Body) : ApiIdempotencyClaim;

    /// <summary>The same key came with another request (method, path, query or body): refused, nothing done.</summary>
    public sealed record OtherRequest : ApiIdempotencyClaim;

    /// <summary>The first request with this key is still being answered: retry in a moment.</summary>
    public sealed record InProgress : ApiIdempotencyClaim;
}
