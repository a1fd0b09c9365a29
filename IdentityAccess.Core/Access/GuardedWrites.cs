using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Access;

/// <summary>
/// Opens every guarded command the same way (STYLE.md, "one shape for a guarded command"): a context, a transaction
/// holding the organization's or the parent's lock, the acting person's roles read under that lock, one named
/// <see cref="Permission"/> checked. Blazor handlers, endpoints and the operator command line all come through here.
/// </summary>
public sealed class GuardedWrites(IDbContextFactory<IdentityAccessDbContext> contexts)
{
    private static readonly AuditActor _operator = AuditActor.System(SystemActors.OperatorCommandLine);

    public async Task<GuardedWrite> OrganizationAsync(Guid organizationId, Guid? actingPersonId, Permission permission,
        CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var transaction = await OrganizationWrite.BeginAsync(db, organizationId, cancellationToken);
            var access = await AccessChecks.OrganizationAsync(db, organizationId, actingPersonId, permission, cancellationToken);
            var parent = access.Organization is { } o ? new ParentSummary(o.ParentId, o.ParentName, o.ParentPlan) : null;
            var actor = access.IsGranted ? await ActorAsync(db, actingPersonId!.Value, cancellationToken) : null;
            return new GuardedWrite(db, transaction, access.Organization, parent, access.Roles, actor, access.IsGranted ? null : access.Refusal);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async Task<GuardedWrite> ParentAsync(Guid parentId, Guid? actingPersonId, Permission permission, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var transaction = await ParentWrite.BeginAsync(db, parentId, cancellationToken);
            var access = await AccessChecks.ParentAsync(db, parentId, actingPersonId, permission, cancellationToken);
            var actor = access.IsGranted ? await ActorAsync(db, actingPersonId!.Value, cancellationToken) : null;
            return new GuardedWrite(db, transaction, null, access.Parent, access.Roles, actor, access.IsGranted ? null : access.Refusal);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The acting person, and the API key they act through when the request came through the management API.</summary>
    private static async Task<AuditActor> ActorAsync(IdentityAccessDbContext db, Guid personId, CancellationToken cancellationToken) =>
        await OrganizationWrite.ActorAsync(db, personId, cancellationToken) with { ViaApiKey = ActingThroughApiKey.Current };

    /// <summary>The operator command line: the database's own rights, audited as the operator.</summary>
    public Task<GuardedWrite> OperatorParentAsync(Guid parentId, CancellationToken cancellationToken = default) =>
        OperatorParentAsync(parentId, _operator, cancellationToken);

    /// <summary>
    /// The operator's rights for the system's own jobs, audited as <paramref name="actor"/>: the Development demo
    /// connecting its parents to the demo IdP, a test fixture setting up a parent.
    /// </summary>
    public async Task<GuardedWrite> OperatorParentAsync(Guid parentId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var transaction = await ParentWrite.BeginAsync(db, parentId, cancellationToken);
            var parent = await db.ParentOrganizations.AsNoTracking().Where(p => p.Id == parentId)
                .Select(p => new ParentSummary(p.Id, p.Name, p.Plan)).SingleOrDefaultAsync(cancellationToken);
            return new GuardedWrite(db, transaction, null, parent, ActingRoles.Operator, actor, parent is null ? new ParentNotFound() : null);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
