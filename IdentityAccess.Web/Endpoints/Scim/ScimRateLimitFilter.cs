using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IdentityAccess.Web.Endpoints.Scim;

/// <summary>
/// Throttles per directory, after authentication (the directory is the token's): 429 with <c>Retry-After</c> and a
/// SCIM error body. Endpoints marked <c>DisableRateLimiting()</c> (discovery) are never throttled; requests
/// without a valid token never reach here and keep their 401.
/// </summary>
internal sealed class ScimRateLimitFilter(ScimRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is null)
        {
            using var lease = limiter.Acquire(http.ParentId());
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                // RFC 7644 §3.12: 429 has no scimType.
                return ScimResponses.Error(StatusCodes.Status429TooManyRequests, null,
                    $"Too many requests for this directory. Retry after {seconds} second{(seconds == 1 ? "" : "s")}.");
            }
        }

        return await next(context);
    }
}
