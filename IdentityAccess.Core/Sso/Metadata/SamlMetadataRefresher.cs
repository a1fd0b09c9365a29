using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>
/// Refreshes metadata imported from a URL when it is due (every 24 hours by default). One instance at a time per
/// connection: a due row is claimed by a conditional update that moves its due time past a lease, so of several app
/// instances polling at once exactly one fetches it, and a crash mid-fetch only delays the next try by the lease.
/// </summary>
public sealed partial class SamlMetadataRefresher(IDbContextFactory<IdentityAccessDbContext> contexts, SamlMetadataRefreshService refresh,
    IOptions<SamlMetadataRefreshOptions> options, TimeProvider time, ILogger<SamlMetadataRefresher> logger) : BackgroundService
{
    /// <summary>Longer than a fetch can take (20 s) and the write after it.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PollMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e); // the next tick tries again; each connection's write is its own transaction
            }
        }
    }

    /// <summary>One pass: each due, unpaused source this instance manages to claim is fetched. Returns how many were fetched.</summary>
    public async Task<int> RefreshDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        List<(Guid Id, Guid ParentId)> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = [.. (await Due(db, now).Select(s => new { s.Id, s.ParentOrganizationId }).ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.ParentOrganizationId))];
        }

        var fetched = 0;
        foreach (var (id, parentId) in due)
        {
            if (!await ClaimAsync(id, cancellationToken))
            {
                continue; // another instance took it
            }

            if (await refresh.RefreshAsync(parentId, actingPersonId: null, cancellationToken) is { } error)
            {
                LogRefreshFailed(logger, parentId, error.Message);
            }

            fetched++;
        }

        return fetched;
    }

    private async Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var leaseEnds = now + Lease;
        return await Due(db, now).Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.NextRefreshAt, leaseEnds), cancellationToken) == 1;
    }

    private static IQueryable<SamlMetadataSource> Due(IdentityAccessDbContext db, DateTimeOffset now) =>
        db.SamlMetadataSources.Where(s => s.NextRefreshAt <= now && s.PausedAt == null);

    [LoggerMessage(Level = LogLevel.Error, Message = "A metadata refresh pass failed; it runs again at the next poll.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the IdP metadata of parent {ParentId} failed: {Reason}. The last good metadata is kept.")]
    private static partial void LogRefreshFailed(ILogger logger, Guid parentId, string reason);
}
