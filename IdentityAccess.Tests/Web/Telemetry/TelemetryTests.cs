using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Telemetry;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IdentityAccess.Tests.Web.Telemetry;

/// <summary>
/// The portal's traces and metrics through the real app with OpenTelemetry's in-memory exporter: what a SCIM create, a
/// refused sign-in and the state gauges emit, and that nothing carries a person's address. The instruments are shared
/// by every app in the test process, so the assertions look for this test's own points, never for exact totals.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string Address = "otel.person@acme.test";
    private readonly SqliteFileTestDatabase _database = new();
    private readonly ExportedItems<Activity> _spans = new(); // spans end on other threads while a test reads them
    private readonly ExportedItems<Metric> _metrics = new();
    private IdentityAccessWebFactory _factory = default!;
    private WebApplicationFactory<Program> _app = default!;

    public Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false,
            settings: new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" });
        _app = _factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))
            .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ScimCreate_IsMeasuredByResourceOperationAndStatus_AndTracedDownToItsDatabaseCommands()
    {
        using var scim = await ScimClientAsync();
        // Other apps run in this test process and their spans reach this exporter too: this request carries its own trace.
        var traceId = ActivityTraceId.CreateRandom();
        scim.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var created = await scim.PostAsJsonAsync("/scim/v2/Users", new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName = Address,
            emails = new[] { new { value = Address, primary = true } },
            active = true,
        });
        var listed = await scim.GetAsync("/scim/v2/Users?count=1");

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal(200, (int)listed.StatusCode);
        var points = Points("identityaccess.scim.request.duration");
        Assert.Contains(points, p => Tag(p, "scim.resource") == "Users" && Tag(p, "scim.operation") == "create" && Tag(p, "http.response.status_code") == "201");
        Assert.Contains(points, p => Tag(p, "scim.resource") == "Users" && Tag(p, "scim.operation") == "list" && Tag(p, "http.response.status_code") == "200");

        _app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        var request = Assert.Single(_spans, s => s.TraceId == traceId && s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)
            && (s.GetTagItem("url.path") as string) == "/scim/v2/Users");
        // Creates are written by the directory's group-commit writer, on no request's flow: its batch span links back.
        var batch = Assert.Single(_spans, s => s.DisplayName == "scim.create_batch" && s.Links.Any(l => l.Context.SpanId == request.SpanId));
        Assert.Contains(_spans, s => s.Source.Name == "IdentityAccess.Database" && s.TraceId == batch.TraceId && s.DisplayName == "INSERT sqlite");
        Assert.Contains(_spans, s => s.DisplayName == "provisioning.plan_apply" && s.TraceId == batch.TraceId);
        Assert.Contains(Points("identityaccess.provisioning.decisions"), p => Tag(p, "identityaccess.change.kind") == "provision");
        NoPersonalData();
    }

    [Fact]
    public async Task RefusedSignIn_IsCountedWithItsReason()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var refused = await client.PostAsync("/saml/acs", new FormUrlEncodedContent(new Dictionary<string, string> { ["SAMLResponse"] = "PHNhbWw+" }));

        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains(Points("identityaccess.sso.sign_ins"), p => Tag(p, "identityaccess.sso.outcome") == "no_login_state");
    }

    [Fact]
    public async Task Gauges_ReportEachTrustedCertificatesDaysToExpiry_ByFingerprint()
    {
        await _app.Services.GetRequiredService<TelemetryGauges>().RefreshAsync(CancellationToken.None);

        var certificates = Points("identityaccess.sso.certificate.days_to_expiry");

        Assert.NotEmpty(certificates); // the demo's two parents trust the demo IdP's key
        Assert.All(certificates, p => Assert.Matches("^[0-9A-F]{64}$", Tag(p, "identityaccess.certificate.sha256")));
        Assert.All(certificates, p => Assert.True(p.GetGaugeLastValueDouble() > 0));
    }

    [Fact]
    public async Task WithoutAnEndpointOrTheSetting_NothingIsRegistered()
    {
        await using var database = new SqliteTestDatabase();
        await using var plain = new IdentityAccessWebFactory(database, "Development", useTestAuth: false);

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.Null(plain.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(plain.Services.GetServices<IHostedService>(), s => s is TelemetryGauges);
    }

    private async Task<HttpClient> ScimClientAsync()
    {
        Guid parentId;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            // Acme's chat organization in directory sync, so a created user is provisioned (the rule engine decides).
            var demo = await DemoData.LoadAsync(db);
            parentId = demo.AcmeParent;
            await db.Organizations.Where(o => o.Id == demo.AcmeChat)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.ProvisioningMode, IdentityAccess.Core.Provisioning.ProvisioningMode.Scim));
        }

        var (token, _) = await _app.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(null, "telemetry test"));
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
        return client;
    }

    private List<MetricPoint> Points(string name)
    {
        _metrics.Clear();
        _app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    // Ids and kinds only: no span attribute or name carries the address the test created.
    private void NoPersonalData()
    {
        var leaks = _spans.SelectMany(span => span.TagObjects.Select(tag => (span.DisplayName, tag.Key,
                Value: Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            .Append((span.DisplayName, Key: "(name)", Value: span.DisplayName)))
            .Where(t => t.Value.Contains(Address, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, string.Join("; ", leaks.Select(l => $"{l.DisplayName} {l.Key}={l.Value}")));
    }
}

/// <summary>What an in-memory exporter adds, safe to read while it adds more (a plain List throws "Collection was modified").</summary>
internal sealed class ExportedItems<T> : ICollection<T>
{
    private readonly Lock _lock = new();
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (_lock)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item)
    {
        lock (_lock)
        {
            return _items.Contains(item);
        }
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_lock)
        {
            _items.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(T item)
    {
        lock (_lock)
        {
            return _items.Remove(item);
        }
    }

    /// <summary>Enumerates a copy taken under the lock.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        lock (_lock)
        {
            return _items.ToList().GetEnumerator();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
