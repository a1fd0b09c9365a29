using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdentityAccess.Web.Health;

internal static class HealthEndpoints
{
    // "/healthz" is what a load balancer asks: only what makes this instance unable to serve.
    private const string Liveness = "live";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Liveness])
            .AddCheck<SsoMetadataHealthCheck>("sso-metadata");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Liveness) }).AllowAnonymous().DisableHttpMetrics();
        // Every check with its description and figures, as JSON, for an operator's monitoring; Degraded still answers 200.
        app.MapHealthChecks("/healthz/detail", new HealthCheckOptions { ResponseWriter = WriteDetailAsync }).AllowAnonymous().DisableHttpMetrics();
        return app;
    }

    private static Task WriteDetailAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, cancellationToken: context.RequestAborted);
    }
}
