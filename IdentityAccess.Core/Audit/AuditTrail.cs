using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Audit;

/// <summary>Reads the audit log of an organization, including what was done to its parent (SSO, SCIM, domains).</summary>
public sealed class AuditTrail(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    public async Task<AuditPage> GetPageAsync(Guid organizationId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parentId = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ParentOrganizationId).SingleAsync(cancellationToken);
        var events = db.AuditEvents.AsNoTracking()
            .Where(e => e.OrganizationId == organizationId || (e.OrganizationId == null && e.ParentOrganizationId == parentId));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            events = events.Where(e => e.Action.ToUpper().Contains(term) || e.Target.ToUpper().Contains(term) || e.Actor.ToUpper().Contains(term));
        }

        var total = await events.CountAsync(cancellationToken);
        var items = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, AuditQuery.MaxTake))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }
}
