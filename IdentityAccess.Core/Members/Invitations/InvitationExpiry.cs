using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>
/// Ends invitations whose time is up: each becomes Expired and its membership Removed (the seat is free again), audited
/// as the system. One organization per transaction, under its lock, reading again what is due: running it twice, or on
/// two instances at once, expires each invitation once. Accepting checks the expiry itself, so a late sweep lets nobody in.
/// </summary>
public sealed class InvitationExpiry(IDbContextFactory<IdentityAccessDbContext> contexts, AuditLog audit, TimeProvider time)
{
    private static readonly AuditActor _actor = AuditActor.System(SystemActors.InvitationExpiry);

    /// <returns>How many invitations this pass expired.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        List<Guid> organizations;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            organizations = await Due(db, now).Select(i => i.OrganizationId).Distinct().ToListAsync(cancellationToken);
        }

        var expired = 0;
        foreach (var organizationId in organizations)
        {
            expired += await ExpireAsync(organizationId, now, cancellationToken);
        }

        return expired;
    }

    private async Task<int> ExpireAsync(Guid organizationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await OrganizationWrite.BeginAsync(db, organizationId, cancellationToken);
        var invitations = await Due(db, now).Where(i => i.OrganizationId == organizationId).ToListAsync(cancellationToken);
        var membershipIds = invitations.Select(i => i.MembershipId).ToList();
        var rows = await db.Memberships.Where(m => membershipIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var parentId = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ParentOrganizationId).SingleAsync(cancellationToken);
        foreach (var invitation in invitations)
        {
            (invitation.Status, invitation.EndedAt) = (InvitationStatus.Expired, now);
            if (rows.GetValueOrDefault(invitation.MembershipId) is { Status: MembershipStatus.Invited } row)
            {
                (row.Status, row.StatusChangedAt) = (MembershipStatus.Removed, now);
            }

            audit.Record(db, _actor, "membership.invitation_expired", invitation.Email, new { invitation.ExpiresAt }, new { Status = "Removed" },
                organizationId, parentId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return invitations.Count;
    }

    private static IQueryable<Invitation> Due(IdentityAccessDbContext db, DateTimeOffset now) =>
        db.Invitations.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now);
}
