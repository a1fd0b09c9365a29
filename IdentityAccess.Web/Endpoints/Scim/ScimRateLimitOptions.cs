using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The <c>Scim:RateLimit</c> section: a token bucket per directory (parent organization).
/// </summary>
/// <remarks>
/// The defaults, a bucket of 25,000 requests refilled at 100 a second, are sized so that a full initial push of 10,000
/// users never meets a 429 whatever the client's speed: such a push is at most 2 requests a user (a userName lookup, then
/// the POST) = 20,000, plus a margin for the groups and their member PATCHes, and the bucket alone holds them, so the
/// server's own answer time (about 150 creates/s on 2 cores, far more on a bigger machine) does not matter. Entra ID
/// sends about 25 requests a second at most (its gallery bar; its real initial cycle is slower) and throttles nothing
/// for non-gallery apps; the refill alone is four times that, so its cycles never empty the bucket. A script at
/// concurrency 8 as fast as the server answers spends the bucket on the push and is then held to 100 a second. A
/// runaway client (a retry loop, a sync gone wrong) gets 429 with Retry-After once it has sent 25,000 requests beyond
/// the refill. Larger pushes should use /Bulk: one request carries up to maxOperations writes.
/// </remarks>
public sealed class ScimRateLimitOptions
{
    public const string SectionName = "Scim:RateLimit";

    /// <summary>The bucket's size: how many requests a directory may send at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 25_000;

    /// <summary>Requests added back to the bucket every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bucket of one directory; <paramref name="autoReplenishment"/> false only for a test that replenishes it by hand.</summary>
    public TokenBucketRateLimiterOptions ToBucket(bool autoReplenishment = true) => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0, // an IdP retries on 429; holding its requests here would only pile them up
        AutoReplenishment = autoReplenishment,
    };
}
