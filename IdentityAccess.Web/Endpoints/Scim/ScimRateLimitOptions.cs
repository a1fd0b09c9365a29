using System.ComponentModel.DataAnnotations;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The <c>Scim:RateLimit</c> section: a token bucket per directory (parent organization). The defaults, 100
/// requests a second sustained (6,000 a minute) with bursts of 3,000, sit far above what IdPs send: Entra's gallery
/// bar is 25 requests a second, its real cycles are slower, and it throttles nothing for non-gallery apps, so a
/// limit at its burst would only get a customer's job quarantined.
/// </summary>
public sealed class ScimRateLimitOptions
{
    public const string SectionName = "Scim:RateLimit";

    /// <summary>The bucket's size: how many requests a directory may send at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 3_000;

    /// <summary>Requests added back to the bucket every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
