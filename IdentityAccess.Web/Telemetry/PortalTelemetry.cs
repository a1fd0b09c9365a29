using IdentityAccess.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IdentityAccess.Web.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs, as ASP.NET Core services built on the .NET service defaults emit them:
/// ASP.NET Core, HttpClient, the runtime, every database command (<see cref="DbCommandTracing"/>), and the product's own
/// spans and instruments (<see cref="IdentityAccessTelemetry"/>). Exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment or configuration; protocol, headers and the rest follow the
/// other standard <c>OTEL_*</c> settings). When it is not set, nothing is registered at all, so an unobserved portal
/// pays nothing. <c>Telemetry:Enabled=true</c> turns the pipeline on without an exporter (the tests add their own).
/// </summary>
public static class PortalTelemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var exportsOtlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        if (!exportsOtlp && !builder.Configuration.GetValue<bool>("Telemetry:Enabled"))
        {
            return builder;
        }

        builder.Services.AddSingleton<TelemetryGauges>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? "identityaccess"))
            .WithTracing(tracing => tracing
                .AddSource(IdentityAccessTelemetry.Name)
                .AddSource(DbCommandTracing.SourceName)
                .AddAspNetCoreInstrumentation(o => o.RecordException = true)
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(IdentityAccessTelemetry.Name)
                .AddMeter(TelemetryGauges.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging();
        if (exportsOtlp)
        {
            otel.UseOtlpExporter();
        }

        builder.Services.AddHostedService(services => services.GetRequiredService<TelemetryGauges>());
        return builder;
    }
}
