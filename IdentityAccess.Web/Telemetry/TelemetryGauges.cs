using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Web.Telemetry;

/// <summary>
/// Gauges of the product's state that operators alert on: people waiting for a seat and held top-role changes per
/// organization, and days until each trusted IdP signing certificate expires. They are read from the database on a
/// timer (<c>Telemetry:GaugeRefreshSeconds</c>, 60 by default), not at each collection, so an exporter's schedule
/// never decides the database's load; the instruments report the last reading. Registered only when telemetry is on.
/// </summary>
internal sealed class TelemetryGauges : BackgroundService
{
    public const string MeterName = "IdentityAccess.State";

    private readonly IDbContextFactory<IdentityAccessDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger<TelemetryGauges> _logger;
    private readonly TimeSpan _interval;
    private readonly Meter _meter = new(MeterName);
    private Reading _last = Reading.None;

    public TelemetryGauges(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time, IConfiguration configuration, ILogger<TelemetryGauges> logger)
    {
        (_contexts, _time, _logger) = (contexts, time, logger);
        _interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Telemetry:GaugeRefreshSeconds", 60)));
        _meter.CreateObservableGauge("identityaccess.seats.pending", () => _last.Pending, "{person}", "People waiting for a seat, per organization.");
        _meter.CreateObservableGauge("identityaccess.held_changes", () => _last.Held, "{change}", "Top-role changes held for review, per organization.");
        _meter.CreateObservableGauge("identityaccess.sso.certificate.days_to_expiry", () => _last.CertificateDays, "d",
            "Days until each trusted IdP signing certificate expires, per parent organization.");
    }

    /// <summary>Reads the state now (the tests call it to avoid waiting for the timer).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Memberships.Where(m => m.Status == MembershipStatus.PendingSeat)
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var held = await db.HeldTopRoleChanges.Where(h => h.ResolvedAt == null)
            .GroupBy(h => h.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var connections = await db.SamlConnections.AsNoTracking().ToListAsync(cancellationToken);
        var now = _time.GetUtcNow();
        _last = new Reading(
            [.. pending.Select(p => new Measurement<long>(p.Count, Organization(p.Key)))],
            [.. held.Select(h => new Measurement<long>(h.Count, Organization(h.Key)))],
            [.. connections.SelectMany(c => c.LoadCertificates().Select(certificate => new Measurement<double>(
                Math.Round((certificate.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays, 1),
                new KeyValuePair<string, object?>("identityaccess.parent.id", c.ParentOrganizationId),
                new KeyValuePair<string, object?>("identityaccess.certificate.sha256", Convert.ToHexString(SHA256.HashData(certificate.RawData))))))]);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Could not read the telemetry gauges; the last reading stays.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private static KeyValuePair<string, object?> Organization(Guid id) => new("identityaccess.organization.id", id);

    private sealed record Reading(Measurement<long>[] Pending, Measurement<long>[] Held, Measurement<double>[] CertificateDays)
    {
        public static readonly Reading None = new([], [], []);
    }
}
