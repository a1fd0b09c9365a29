using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Telemetry;

/// <summary>
/// The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> switches export on: an OTLP/HTTP receiver started by the test on
/// 127.0.0.1 receives the portal's traces, metrics and logs as protobuf, which hold the service's name and the
/// product's own span and instrument names (protobuf keeps strings as UTF-8 bytes, so they are found without a decoder).
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task WithAnOtlpEndpoint_TracesMetricsAndLogsReachTheReceiver()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var database = new SqliteFileTestDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "identityaccess-otlp-test",
        };
        await using (var app = new IdentityAccessWebFactory(database, "Development", useTestAuth: false, settings: settings))
        {
            Guid parentId;
            await using (var db = await app.CreateDbContextAsync())
            {
                parentId = (await DemoData.LoadAsync(db)).AcmeParent;
            }

            var (token, _) = await app.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(null, "otlp test"));
            using var scim = app.CreateClient();
            scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
            Assert.True((await scim.GetAsync("/scim/v2/Users?count=1")).IsSuccessStatusCode);
            Assert.Equal(409, (int)(await scim.PostAsJsonAsync("/scim/v2/Users", new
            {
                schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
                userName = "alice@acme.test",
            })).StatusCode); // a refusal the app logs
        } // disposing the app shuts the providers down, which exports what they hold

        var traces = receiver.Bodies("/v1/traces");
        var metrics = receiver.Bodies("/v1/metrics");
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.All(receiver.ContentTypes, type => Assert.Equal("application/x-protobuf", type));
        Assert.Contains(traces, body => Holds(body, "identityaccess-otlp-test") && Holds(body, "/scim/v2/Users"));
        Assert.Contains(metrics, body => Holds(body, "identityaccess.scim.request.duration"));
        Assert.Contains(receiver.Bodies("/v1/logs"), body => Holds(body, "identityaccess-otlp-test"));
    }

    private static bool Holds(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>A minimal OTLP/HTTP receiver: keeps each POST's path, content type and body.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _received = new();

        private OtlpReceiver(WebApplication app) => _app = app;

        public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public IEnumerable<string?> ContentTypes => _received.Select(r => r.ContentType);

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new OtlpReceiver(app);
            app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                receiver._received.Enqueue((http.Request.Path, http.Request.ContentType, body.ToArray()));
                http.Response.ContentType = "application/x-protobuf";
                return Results.Ok();
            });
            await app.StartAsync();
            return receiver;
        }

        public List<byte[]> Bodies(string path) => [.. _received.Where(r => r.Path == path).Select(r => r.Body)];

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
