using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Organizations;

/// <summary>
/// An organization's side of its parent, for its top role (<see cref="Permission.ChangeParentMembership"/>): a
/// standalone Console organization asks to join a parent (whose admins decide, <see cref="JoinRequestReview"/>) or
/// withdraws the request; an organization leaves its parent and gets one of its own, administered by the person who
/// left with it. Audited on both parents.
/// </summary>
public sealed class ParentMembership(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access, GuardedWrites writes,
    AuditLog audit, TimeProvider time)
{
    /// <summary>Null when the person may not change the organization's parent.</summary>
    public async Task<ParentMembershipView?> GetAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        var check = await access.CheckAsync(organizationId, actingPersonId, Permission.ChangeParentMembership, cancellationToken);
        if (!check.IsGranted)
        {
            return null;
        }

        var organization = check.Organization!;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var siblings = await db.Organizations.CountAsync(o => o.ParentOrganizationId == organization.ParentId && o.Id != organization.Id, cancellationToken);
        var pending = await JoinRequestReview.Views(db, db.OrganizationJoinRequests.Where(r => r.OrganizationId == organizationId && r.Status == JoinRequestStatus.Pending))
            .FirstOrDefaultAsync(cancellationToken);
        return new ParentMembershipView(organization.ParentId, organization.ParentName, IsStandaloneConsole(organization, siblings), siblings > 0, pending);
    }

    public async Task<Error?> RequestToJoinAsync(Guid organizationId, Guid targetParentId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ChangeParentMembership, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var (db, organization) = (write.Db, write.Organization!);
        var siblings = await db.Organizations.CountAsync(o => o.ParentOrganizationId == organization.ParentId && o.Id != organization.Id, cancellationToken);
        if (!IsStandaloneConsole(organization, siblings))
        {
            return new NotAStandaloneConsoleOrganization(organization.Name);
        }

        var target = await db.ParentOrganizations.AsNoTracking().Where(p => p.Id == targetParentId).Select(p => new { p.Id, p.Name, p.Plan })
            .SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return new ParentNotFound();
        }

        if (target.Id == organization.ParentId)
        {
            return new AlreadyInThatParent(organization.Name, target.Name);
        }

        if (OrganizationRules.CheckCanJoin(target.Plan, organization.Plan) is { } cannot)
        {
            return cannot;
        }

        if (await db.OrganizationJoinRequests.AnyAsync(r => r.OrganizationId == organizationId && r.Status == JoinRequestStatus.Pending, cancellationToken))
        {
            return new JoinRequestAlreadyPending(organization.Name);
        }

        db.OrganizationJoinRequests.Add(new OrganizationJoinRequest
        {
            OrganizationId = organizationId,
            ParentOrganizationId = target.Id,
            RequestedByPersonId = actingPersonId,
            RequestedAt = time.GetUtcNow(),
        });
        var details = new { Organization = organization.Name, Parent = target.Name };
        audit.Record(db, write.Actor, "organization.join_requested", organization.Name, null, details, organizationId, organization.ParentId);
        audit.Record(db, write.Actor, "organization.join_requested", organization.Name, null, details, parentOrganizationId: target.Id);
        return await write.CommitAsync(cancellationToken);
    }

    public async Task<Error?> WithdrawAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ChangeParentMembership, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var (db, organization) = (write.Db, write.Organization!);
        var request = await db.OrganizationJoinRequests.Include(r => r.Parent)
            .SingleOrDefaultAsync(r => r.OrganizationId == organizationId && r.Status == JoinRequestStatus.Pending, cancellationToken);
        if (request is null)
        {
            return new JoinRequestNotFound();
        }

        (request.Status, request.DecidedByPersonId, request.DecidedAt) = (JoinRequestStatus.Withdrawn, actingPersonId, time.GetUtcNow());
        var details = new { Organization = organization.Name, Parent = request.Parent!.Name };
        audit.Record(db, write.Actor, "organization.join_withdrawn", organization.Name, details, null, organizationId, organization.ParentId);
        audit.Record(db, write.Actor, "organization.join_withdrawn", organization.Name, details, null, parentOrganizationId: request.ParentOrganizationId);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The organization gets a parent of its own (named after it, on the plan its product needs), with the acting
    /// person as its admin; it keeps its members, as hand-managed ones.
    /// </summary>
    public async Task<Error?> LeaveAsync(Guid organizationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ChangeParentMembership, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var (db, summary) = (write.Db, write.Organization!);
        await ParentWrite.LockAsync(db, summary.ParentId, cancellationToken); // so two siblings leaving at once count each other
        if (!await db.Organizations.AnyAsync(o => o.ParentOrganizationId == summary.ParentId && o.Id != organizationId, cancellationToken))
        {
            return new OnlyOrganizationOfParent(summary.Name, summary.ParentName);
        }

        var now = time.GetUtcNow();
        var parent = new ParentOrganization { Name = summary.Name, Plan = NewOrganizationRules.ParentPlanFor(summary.Plan), CreatedAt = now };
        db.ParentOrganizations.Add(parent);
        db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = parent.Id, PersonId = actingPersonId, GrantedAt = now, GrantedBy = write.Actor.Name });
        await db.SaveChangesAsync(cancellationToken); // the new parent exists before the organization points at it

        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, cancellationToken);
        await OrganizationMove.MoveAsync(db, organization, parent.Id, write.Actor.Name, now, cancellationToken);
        var details = new { Organization = summary.Name, From = summary.ParentName, To = parent.Name };
        audit.Record(db, write.Actor, "parent.created", parent.Name, null, new { parent.Name, Plan = parent.Plan.ToString() }, parentOrganizationId: parent.Id);
        audit.Record(db, write.Actor, "organization.left_parent", summary.Name, null, details, parentOrganizationId: summary.ParentId);
        audit.Record(db, write.Actor, "organization.left_parent", summary.Name, null, details, organizationId, parent.Id);
        return await write.CommitAsync(cancellationToken);
    }

    // A Console organization whose parent was made for it alone: the one kind that joins another parent by request.
    private static bool IsStandaloneConsole(OrganizationSummary organization, int siblings) =>
        organization.Plan == OrganizationPlan.Console && organization.ParentPlan == ParentPlan.Console && siblings == 0;
}
