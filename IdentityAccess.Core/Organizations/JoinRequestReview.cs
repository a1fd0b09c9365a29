using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// The parent's side of a join request: its admins see the pending requests and approve (the organization moves under
/// the parent, <see cref="OrganizationMove"/>) or decline (<see cref="Permission.ManageParentOrganizations"/>).
/// Audited on both parents.
/// </summary>
public sealed class JoinRequestReview(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit, TimeProvider time)
{
    /// <summary>Null when the person may not view the parent.</summary>
    public async Task<IReadOnlyList<JoinRequestView>?> ListPendingAsync(Guid parentId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckParentAsync(parentId, actingPersonId, Permission.ViewParent, cancellationToken)).IsGranted)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Views(db, db.OrganizationJoinRequests.Where(r => r.ParentOrganizationId == parentId && r.Status == JoinRequestStatus.Pending))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.RequestedAt)];
    }

    public Task<Error?> ApproveAsync(Guid parentId, Guid requestId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        DecideAsync(parentId, requestId, actingPersonId, approve: true, cancellationToken);

    public Task<Error?> DeclineAsync(Guid parentId, Guid requestId, Guid actingPersonId, CancellationToken cancellationToken = default) =>
        DecideAsync(parentId, requestId, actingPersonId, approve: false, cancellationToken);

    internal static IQueryable<JoinRequestView> Views(IdentityAccessDbContext db, IQueryable<OrganizationJoinRequest> requests) =>
        requests.Select(r => new JoinRequestView(r.Id, r.OrganizationId, r.Organization!.Name, r.Organization.Plan,
            db.Memberships.Count(m => m.OrganizationId == r.OrganizationId && m.Status == MembershipStatus.Active),
            r.ParentOrganizationId, r.Parent!.Name,
            db.People.Where(p => p.Id == r.RequestedByPersonId).Select(p => p.DisplayName + " (" + p.Email + ")").First(),
            r.RequestedAt));

    private async Task<Error?> DecideAsync(Guid parentId, Guid requestId, Guid actingPersonId, bool approve, CancellationToken cancellationToken)
    {
        await using var write = await writes.ParentAsync(parentId, actingPersonId, Permission.ManageParentOrganizations, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var db = write.Db;
        // Another parent's request is none of this parent's business: the same answer as one that does not exist.
        var request = await db.OrganizationJoinRequests
            .SingleOrDefaultAsync(r => r.Id == requestId && r.ParentOrganizationId == parentId && r.Status == JoinRequestStatus.Pending, cancellationToken);
        if (request is null)
        {
            return new JoinRequestNotFound();
        }

        // The organization's own writers (its top role withdrawing, a member change) wait for this decision.
        await OrganizationWrite.LockAsync(db, request.OrganizationId, cancellationToken);
        var organization = await db.Organizations.Include(o => o.Parent).SingleAsync(o => o.Id == request.OrganizationId, cancellationToken);
        var (oldParentId, oldParentName) = (organization.ParentOrganizationId, organization.Parent!.Name);
        var now = time.GetUtcNow();
        (request.Status, request.DecidedByPersonId, request.DecidedAt) = (approve ? JoinRequestStatus.Approved : JoinRequestStatus.Declined, actingPersonId, now);
        var action = approve ? "organization.joined_parent" : "organization.join_declined";
        var details = new { Organization = organization.Name, From = oldParentName, To = write.Parent!.Name };
        if (approve)
        {
            // Checked again at the decision: the parent's plan may have changed since the request.
            if (OrganizationRules.CheckCanJoin(write.Parent.Plan, organization.Plan) is { } cannot)
            {
                return cannot;
            }

            await OrganizationMove.MoveAsync(db, organization, parentId, write.Actor.Name, now, cancellationToken);
        }

        audit.Record(db, write.Actor, action, organization.Name, null, details, parentOrganizationId: parentId);
        audit.Record(db, write.Actor, action, organization.Name, null, details, organization.Id, oldParentId);
        return await write.CommitAsync(cancellationToken);
    }
}
