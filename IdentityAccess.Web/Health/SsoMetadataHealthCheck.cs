using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdentityAccess.Web.Health;

/// <summary>
/// The IdP side of sign-in, for operators: trusted certificates near their end and metadata URLs that fail to refresh.
/// Degraded (never Unhealthy: the instance itself is fine, and a load balancer must not take it out) when a certificate
/// ends within 7 days or has ended, or a refresh is failing. Counts and end dates only: the detail page is
/// anonymous, so it names no customer; the SSO panel shows each parent its own.
/// </summary>
internal sealed class SsoMetadataHealthCheck(IDbContextFactory<IdentityAccessDbContext> contexts, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var pems = await db.SamlConnections.AsNoTracking().Select(c => c.SigningCertificatesPem).ToListAsync(cancellationToken);
        var failing = await db.SamlMetadataSources.CountAsync(s => s.FailingSince != null, cancellationToken);
        var expiries = pems.SelectMany(Core.Sso.Connections.SamlConnection.CertificatesIn).Select(c => new DateTimeOffset(c.NotAfter.ToUniversalTime(), TimeSpan.Zero)).ToList();
        var byKind = expiries.GroupBy(e => CertificateExpiries.Of(e, now)).ToDictionary(g => g.Key, g => g.Count());
        var data = new Dictionary<string, object>
        {
            ["connections"] = pems.Count,
            ["certificatesExpired"] = byKind.GetValueOrDefault(CertificateExpiry.Expired),
            ["certificatesEndingWithin7Days"] = byKind.GetValueOrDefault(CertificateExpiry.Within7Days),
            ["certificatesEndingWithin30Days"] = byKind.GetValueOrDefault(CertificateExpiry.Within30Days),
            ["metadataRefreshesFailing"] = failing,
        };
        if (expiries.Count > 0)
        {
            data["soonestCertificateEndInDays"] = Math.Floor((expiries.Min() - now).TotalDays);
            // Each trusted certificate's end, soonest first: dates only, nothing that says whose it is.
            data["certificateEnds"] = expiries.Order().Select(e => e.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }

        var urgent = byKind.GetValueOrDefault(CertificateExpiry.Expired) + byKind.GetValueOrDefault(CertificateExpiry.Within7Days);
        return urgent > 0 || failing > 0
            ? HealthCheckResult.Degraded($"{urgent} IdP certificate(s) ended or ending within 7 days; {failing} metadata refresh(es) failing.", data: data)
            : HealthCheckResult.Healthy("IdP certificates and metadata refreshes are fine.", data);
    }
}
