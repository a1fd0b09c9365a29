using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// The named rate-limiter policy of the SCIM endpoints: one token bucket per directory (<see cref="ScimRateLimitOptions"/>).
/// The rate limiter runs after authorization, so the directory is the authenticated token's; requests without a valid
/// token never reach it and keep their 401. Rejections are 429 with <c>Retry-After</c> and a SCIM error body (RFC 7644
/// §3.12: no scimType). Discovery endpoints opt out with <c>DisableRateLimiting()</c>.
/// </summary>
/// <remarks>
/// The buckets live in this process: with several app instances behind a load balancer each instance allows the full
/// rate. A shared limit (for example in the database or a cache) is a later issue.
/// </remarks>
internal sealed class ScimRateLimitPolicy(IOptions<ScimRateLimitOptions> options) : IRateLimiterPolicy<Guid>
{
    public const string Name = "ScimDirectory";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<Guid> GetPartition(HttpContext httpContext) =>
        ScimPrincipal.ParentIdOf(httpContext.User) is { } parentId
            ? RateLimitPartition.GetTokenBucketLimiter(parentId, _ => options.Value.ToBucket())
            : RateLimitPartition.GetNoLimiter(Guid.Empty); // unreachable: the endpoints' policy has authenticated a directory

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        Core.Telemetry.IdentityAccessTelemetry.RateLimitRejections.Add(1);
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ScimResponses.WriteErrorAsync(context.HttpContext, new ScimError(StatusCodes.Status429TooManyRequests, null,
            $"Too many requests for this directory. Retry after {seconds} second{(seconds == 1 ? "" : "s")}."));
    }
}
