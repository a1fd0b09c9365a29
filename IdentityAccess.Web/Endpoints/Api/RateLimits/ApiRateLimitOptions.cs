using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace IdentityAccess.Web.Endpoints.Api.RateLimits;

/// <summary>
/// The <c>ManagementApi:RateLimit</c> section: a token bucket per API key, and a smaller one per client address for
/// requests without a valid key.
/// </summary>
/// <remarks>
/// The defaults: a key may send 600 requests at once and 10 a second after that (600 a minute), far above what a script
/// reading a parent's members needs (200 members a page: 100,000 people are 500 requests). Requests without a valid key
/// (none, unknown, revoked, expired) share their address's bucket of 60 and 1 a second: a script with a mistyped key
/// learns it at once, a flood of guessed keys is held to a second each. The buckets live in this process, as SCIM's do.
/// </remarks>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "ManagementApi:RateLimit";

    /// <summary>The bucket's size: how many requests one key may send at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 600;

    /// <summary>Requests added back to a key's bucket every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 10;

    /// <summary>The bucket's size for requests without a valid key, per client address.</summary>
    [Range(1, 1_000_000)]
    public int UnauthenticatedTokenLimit { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int UnauthenticatedTokensPerPeriod { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public TokenBucketRateLimiterOptions KeyBucket() => Bucket(TokenLimit, TokensPerPeriod);

    public TokenBucketRateLimiterOptions UnauthenticatedBucket() => Bucket(UnauthenticatedTokenLimit, UnauthenticatedTokensPerPeriod);

    private TokenBucketRateLimiterOptions Bucket(int limit, int perPeriod) => new()
    {
        TokenLimit = limit,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0, // a program retries after Retry-After; holding its requests here would only pile them up
        AutoReplenishment = true,
    };
}
