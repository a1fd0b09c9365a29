using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Sso.Metadata;

/// <summary>
/// IdP metadata by URL: imported from it, fetched again on a schedule and on demand (a certificate rollover arrives
/// by itself), and rolled back in one action. Parent admins only (<see cref="Permission.ManageParentSettings"/>),
/// asked <em>before</em> anything is fetched, so nobody else can make the server fetch a URL; the fetch itself runs
/// outside the write's transaction (it may take seconds), and what it brought is written under the parent's lock,
/// audited with the signing keys' fingerprints before and after.
/// </summary>
public sealed class SamlMetadataRefreshService(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access,
    GuardedWrites writes, SamlConnectionService connections, IdpMetadataFetcher fetcher, AuditLog audit, IHostEnvironment environment,
    IOptionsMonitor<SamlMetadataRefreshOptions> options, TimeProvider time)
{
    internal static readonly AuditActor ScheduledActor = AuditActor.System(SystemActors.MetadataRefresh);

    /// <summary>Fetches the URL, imports what it serves, and keeps the URL for the scheduled refresh.</summary>
    public async Task<Error?> ImportFromUrlAsync(Guid parentId, string url, SamlAttributePreset preset, Guid actingPersonId,
        SamlCustomAttributes? custom = null, CancellationToken cancellationToken = default)
    {
        var allowed = await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        return allowed.IsGranted
            ? await ImportFromUrlAsync(url, preset, custom, () => writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken),
                cancellationToken)
            : allowed.Refusal;
    }

    /// <summary>Without an access check: the operator command line's <c>saml import-metadata --url</c>, audited as <paramref name="actor"/>.</summary>
    public Task<Error?> ImportFromUrlForParentAsync(Guid parentId, string url, SamlAttributePreset preset, AuditActor actor,
        CancellationToken cancellationToken = default) =>
        ImportFromUrlAsync(url, preset, null, () => writes.OperatorParentAsync(parentId, actor, cancellationToken), cancellationToken);

    private async Task<Error?> ImportFromUrlAsync(string url, SamlAttributePreset preset, SamlCustomAttributes? custom, Func<Task<GuardedWrite>> begin,
        CancellationToken cancellationToken)
    {
        var (address, invalid) = MetadataUrlPolicy.Check(url, environment.IsDevelopment());
        if (invalid is not null)
        {
            return invalid;
        }

        var fetched = await fetcher.FetchAsync(address!, etag: null, lastModified: null, cancellationToken);
        if (fetched.Error is not null)
        {
            return fetched.Error;
        }

        await using var write = await begin();
        if ((write.Refusal ?? await connections.ApplyAsync(write, fetched.Metadata!, preset, custom, "url", cancellationToken)) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var source = await write.Db.SamlMetadataSources.SingleOrDefaultAsync(s => s.ParentOrganizationId == write.ParentId, cancellationToken);
        if (source is null)
        {
            source = new SamlMetadataSource { ParentOrganizationId = write.ParentId, Url = address!.AbsoluteUri, CreatedAt = now };
            write.Db.SamlMetadataSources.Add(source);
        }

        source.Url = address!.AbsoluteUri;
        source.PausedAt = null;
        Fetched(source, fetched, changed: true, now);
        audit.Record(write.Db, write.Actor, "sso.metadata-url-set", source.Url, null, new { source.Url, RefreshEveryHours = options.CurrentValue.IntervalHours },
            parentOrganizationId: write.ParentId);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>Fetches the connection's URL now (conditionally: an unchanged document costs a 304), and resumes a paused refresh.</summary>
    public async Task<Error?> RefreshNowAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        var allowed = await access.CheckParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (!allowed.IsGranted)
        {
            return allowed.Refusal;
        }

        return await RefreshAsync(parentId, actingPersonId, cancellationToken);
    }

    /// <summary>Stops refreshing from the URL; the connection keeps the metadata it has.</summary>
    public async Task<Error?> StopRefreshingAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var source = await write.Db.SamlMetadataSources.SingleOrDefaultAsync(s => s.ParentOrganizationId == parentId, cancellationToken);
        if (source is null)
        {
            return new MetadataSourceMissing();
        }

        write.Db.SamlMetadataSources.Remove(source);
        audit.Record(write.Db, write.Actor, "sso.metadata-url-removed", source.Url, new { source.Url }, null, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Puts back the metadata the last replacement replaced (a key the IdP published too early, a wrong paste); a
    /// second rollback undoes the first. A URL's refresh pauses, or it would bring the replaced metadata straight back.
    /// </summary>
    public async Task<Error?> RollBackAsync(Guid parentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentSettings, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var connection = await write.Db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == parentId, cancellationToken);
        var before = connection is null ? null : SamlConnectionTrust.Audited(connection);
        var now = time.GetUtcNow();
        if (connection is null || !SamlConnectionTrust.RollBack(connection, now))
        {
            return new NoPreviousMetadata();
        }

        connection.UpdatedAt = now;
        var source = await write.Db.SamlMetadataSources.SingleOrDefaultAsync(s => s.ParentOrganizationId == parentId, cancellationToken);
        if (source is not null)
        {
            // The next fetch must not be conditional: the document behind the last ETag is the one just rolled back from,
            // and a 304 for it would leave the rollback in place after Refresh now.
            (source.PausedAt, source.ETag, source.LastModified) = (now, null, null);
        }

        audit.Record(write.Db, write.Actor, "sso.metadata-rolled-back", SamlConnectionTrust.AuditTarget(connection.EntityId), before,
            new { Trust = SamlConnectionTrust.Audited(connection), RefreshPaused = source is not null }, parentOrganizationId: parentId);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// One fetch of the parent's URL and its outcome recorded: new trust applied (the same IdP only), a 304 noted, a
    /// failure kept with since when, the last good metadata untouched. <paramref name="actingPersonId"/> null: the schedule.
    /// </summary>
    internal async Task<Error?> RefreshAsync(Guid parentId, Guid? actingPersonId, CancellationToken cancellationToken)
    {
        SamlMetadataSource? seen;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            seen = await db.SamlMetadataSources.AsNoTracking().SingleOrDefaultAsync(s => s.ParentOrganizationId == parentId, cancellationToken);
        }

        if (seen is null)
        {
            return new MetadataSourceMissing();
        }

        var (address, invalid) = MetadataUrlPolicy.Check(seen.Url, environment.IsDevelopment());
        var fetched = invalid is not null ? MetadataFetchOutcome.Failed(invalid)
            : await fetcher.FetchAsync(address!, seen.ETag, seen.LastModified, cancellationToken);

        await using var write = actingPersonId is { } person
            ? await writes.ParentAsync(parentId, person, Permission.ManageParentSettings, cancellationToken)
            : await writes.OperatorParentAsync(parentId, ScheduledActor, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var source = await write.Db.SamlMetadataSources.SingleOrDefaultAsync(s => s.ParentOrganizationId == parentId, cancellationToken);
        if (source is null || source.Url != seen.Url)
        {
            return new MetadataSourceMissing(); // removed or changed while fetching: what was fetched is no longer asked for
        }

        var now = time.GetUtcNow();
        var error = fetched.Error ?? (fetched.NotModified ? null : await ApplyFetchedAsync(write, source, fetched.Metadata!, now, cancellationToken));
        if (error is not null)
        {
            Failed(source, error, now);
        }
        else
        {
            source.PausedAt = actingPersonId is null ? source.PausedAt : null; // pressing Refresh now resumes the schedule
            Fetched(source, fetched, changed: false, now);
        }

        return await write.CommitAsync(cancellationToken) ?? error;
    }

    private async Task<Error?> ApplyFetchedAsync(GuardedWrite write, SamlMetadataSource source, IdpMetadata metadata, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var connection = await write.Db.SamlConnections.SingleOrDefaultAsync(c => c.ParentOrganizationId == write.ParentId, cancellationToken);
        if (connection is null)
        {
            return new SamlConnectionMissing();
        }

        // A URL that starts serving another IdP (a typo fixed on the IdP's side, a domain changing hands) must not
        // silently change whom every organization under the parent trusts.
        if (connection.EntityId != metadata.EntityId)
        {
            return new MetadataEntityChanged(connection.EntityId, metadata.EntityId);
        }

        if (!SamlConnectionTrust.Differs(connection, metadata))
        {
            return null;
        }

        var before = SamlConnectionTrust.Audited(connection);
        SamlConnectionTrust.Replace(connection, metadata, now);
        connection.UpdatedAt = now;
        source.LastChangedAt = now;
        audit.Record(write.Db, write.Actor, "sso.metadata-refreshed", SamlConnectionTrust.AuditTarget(connection.EntityId), before,
            new { Trust = SamlConnectionTrust.Audited(metadata), source.Url }, parentOrganizationId: write.ParentId);
        return null;
    }

    private void Fetched(SamlMetadataSource source, MetadataFetchOutcome fetched, bool changed, DateTimeOffset now)
    {
        if (!fetched.NotModified)
        {
            (source.ETag, source.LastModified) = (fetched.ETag is { Length: <= 256 } etag ? etag : null, fetched.LastModified);
        }

        source.LastChangedAt = changed ? now : source.LastChangedAt;
        (source.LastCheckedAt, source.LastError, source.FailingSince) = (now, null, null);
        source.NextRefreshAt = now + TimeSpan.FromHours(options.CurrentValue.IntervalHours);
    }

    /// <summary>The last good metadata stays; the error and since when are shown; the next try is within the hour.</summary>
    private void Failed(SamlMetadataSource source, Error error, DateTimeOffset now)
    {
        (source.LastError, source.FailingSince) = (error.Message.Length > 1000 ? error.Message[..1000] : error.Message, source.FailingSince ?? now);
        var retry = TimeSpan.FromMinutes(Math.Max(options.CurrentValue.PollMinutes, 60));
        var interval = TimeSpan.FromHours(options.CurrentValue.IntervalHours);
        source.NextRefreshAt = now + (retry < interval ? retry : interval);
    }
}
