using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// One token bucket per directory, from System.Threading.RateLimiting (what ASP.NET Core's rate limiter is built
/// on). It is keyed by the directory the bearer token opened, which only the SCIM filter knows, so it is applied
/// there rather than by the rate-limiting middleware, which runs before it.
/// </summary>
/// <remarks>
/// The buckets live in this process: with several app instances behind a load balancer each instance allows the
/// full rate. A shared limit (for example in the database or a cache) is a later issue.
/// </remarks>
internal sealed class ScimRateLimiter(IOptions<ScimRateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(parentId =>
        RateLimitPartition.GetTokenBucketLimiter(parentId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.TokenLimit,
            TokensPerPeriod = options.Value.TokensPerPeriod,
            ReplenishmentPeriod = options.Value.ReplenishmentPeriod,
            QueueLimit = 0, // an IdP retries on 429; holding its requests here would only pile them up
            AutoReplenishment = true,
        }));

    /// <summary>Takes one request from the directory's bucket; a lease that is not acquired carries the retry-after time.</summary>
    public RateLimitLease Acquire(Guid parentId) => _limiter.AttemptAcquire(parentId);

    public void Dispose() => _limiter.Dispose();
}
