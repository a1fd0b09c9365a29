using System.Runtime.CompilerServices;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Audit;

/// <summary>
/// Reads the audit log of an organization, including what was done to its parent (SSO, SCIM, domains). Callers check
/// <c>Permission.ViewAuditLog</c> first (the page through its gate and again per page, the export endpoint per request).
/// </summary>
public sealed class AuditTrail(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public async Task<AuditPage> GetPageAsync(Guid organizationId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parentId = await ParentOfAsync(db, organizationId, cancellationToken);
        var targets = await AuditSubject.TargetsAsync(db, query.Person, cancellationToken);
        var events = query.Apply(db.AuditEvents.AsNoTracking(), organizationId, parentId, targets);
        var total = await events.CountAsync(cancellationToken);
        var items = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, AuditQuery.MaxTake))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }

    /// <summary>
    /// Up to <paramref name="take"/> matching events, newest first, after <paramref name="after"/> (null: from the newest).
    /// The management API's cursor: entries written meanwhile do not move what is still to read.
    /// </summary>
    public async Task<IReadOnlyList<AuditEvent>> GetAfterAsync(Guid organizationId, AuditQuery query, AuditLogPosition? after, int take,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parentId = await ParentOfAsync(db, organizationId, cancellationToken);
        var targets = await AuditSubject.TargetsAsync(db, query.Person, cancellationToken);
        var events = query.Apply(db.AuditEvents.AsNoTracking(), organizationId, parentId, targets);
        if (after is not null)
        {
            events = events.Where(e => e.OccurredAt <= after.OccurredAt);
        }

        return await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(after?.SeenAtThatTime ?? 0).Take(Math.Clamp(take, 1, AuditQuery.MaxTake + 1))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every matching event, newest first, one at a time as the database returns them (paging is ignored): an export
    /// writes each before the next is read, so memory holds one row whatever the date range.
    /// </summary>
    public async IAsyncEnumerable<AuditEvent> ReadAsync(Guid organizationId, AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parentId = await ParentOfAsync(db, organizationId, cancellationToken);
        var targets = await AuditSubject.TargetsAsync(db, query.Person, cancellationToken);
        var events = query.Apply(db.AuditEvents.AsNoTracking(), organizationId, parentId, targets).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
        await foreach (var entry in events.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return entry;
        }
    }

    private static Task<Guid> ParentOfAsync(IdentityAccessDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ParentOrganizationId).SingleAsync(cancellationToken);
}
