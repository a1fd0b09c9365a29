using System.Globalization;
using System.Threading.RateLimiting;
using IdentityAccess.Core.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Web.Endpoints.Api.RateLimits;

/// <summary>
/// The management API's rate limits (<see cref="ApiRateLimitOptions"/>), through ASP.NET Core's rate limiter: one bucket
/// per API key, so no key spends another's budget, and one per client address for requests without a valid key, so a
/// flood of wrong keys is held too. Only <c>/api/v1</c>: SCIM keeps its own per-directory policy, and the portal, the
/// OpenAPI document and <c>/api/docs</c> are not limited here. A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// It runs before authorization, which would otherwise answer an unauthenticated request (401) before any limiter saw
/// it; so it checks the key first, and the authorization after it reuses that result (a handler authenticates once per
/// request).
/// </remarks>
internal static class ApiRateLimits
{
    public static IServiceCollection AddManagementApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Between authentication and authorization.</summary>
    public static IApplicationBuilder UseManagementApiRateLimits(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;
        var limiter = new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.ApiCaller() is { } caller
                ? RateLimitPartition.GetTokenBucketLimiter("key:" + caller.KeyId, _ => settings.KeyBucket())
                : RateLimitPartition.GetTokenBucketLimiter("address:" + http.Connection.RemoteIpAddress, _ => settings.UnauthenticatedBucket())),
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = RejectAsync,
        };
        return app.UseWhen(http => http.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase), api => api
            .Use(async (http, next) =>
            {
                await http.AuthenticateAsync(ApiKeyHandler.SchemeName);
                await next(http);
            })
            .UseRateLimiter(limiter));
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var withKey = http.ApiCaller() is not null;
        IdentityAccessTelemetry.ApiRateLimitRejections.Add(1, new KeyValuePair<string, object?>("identityaccess.api.caller", withKey ? "api_key" : "no_valid_key"));
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = withKey
            ? $"This API key has sent too many requests. Retry after {seconds} second{(seconds == 1 ? "" : "s")}."
            : $"Too many requests without a valid API key from this address. Retry after {seconds} second{(seconds == 1 ? "" : "s")}.";
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail).ExecuteAsync(http);
    }
}
