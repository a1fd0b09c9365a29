using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdentityAccess.Core.Sessions;

/// <summary>
/// Watches every SaveChanges for a role being lost (an active membership suspended, removed or deleted; a parent
/// admin revoked) and, when the person has no role left once this save is applied, revokes their open sessions in
/// the same save, so in the same transaction. Services that remove members need not remember to: the rule lives here.
/// </summary>
/// <remarks>
/// Set-based writes (ExecuteUpdate) do not pass through here; <see cref="RoleLossRevocation"/> serves them.
/// Two removals of one person in two organizations committed at the same moment may each still see the other
/// membership: the session then outlives the roles, and every page and action still refuses it (roles are read from
/// the database on each check).
/// </remarks>
internal sealed class RoleLossSessionInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is IdentityAccessDbContext db && LostARole(db) is { Count: > 0 } lost)
        {
            Revoke(db, OpenSessionsOf(db, [.. StillWithoutRole(db, lost)]).ToList());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IdentityAccessDbContext db && LostARole(db) is { Count: > 0 } lost)
        {
            var people = await StillWithoutRole(db, lost).ToListAsync(cancellationToken);
            Revoke(db, await OpenSessionsOf(db, people).ToListAsync(cancellationToken));
        }

        return result;
    }

    /// <summary>People whose active membership or parent administration this save ends, and who gain no role in it.</summary>
    private static HashSet<Guid> LostARole(IdentityAccessDbContext db)
    {
        var lost = new HashSet<Guid>();
        var keeps = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries<Membership>())
        {
            var wasActive = entry.State is EntityState.Modified or EntityState.Deleted
                && entry.Property(m => m.Status).OriginalValue == MembershipStatus.Active;
            var isActive = entry.State is not (EntityState.Deleted or EntityState.Detached) && entry.Entity.Status == MembershipStatus.Active;
            (isActive ? keeps : wasActive ? lost : null)?.Add(entry.Entity.PersonId);
        }

        foreach (var entry in db.ChangeTracker.Entries<ParentAdministrator>())
        {
            (entry.State == EntityState.Deleted ? lost : entry.State == EntityState.Detached ? null : keeps)?.Add(entry.Entity.PersonId);
        }

        lost.ExceptWith(keeps);
        return lost;
    }

    /// <summary>
    /// Of <paramref name="lost"/>, who has no role in the database outside the rows this save changes: the tracked
    /// rows were counted from the change tracker, which is what the save will write.
    /// </summary>
    private static IQueryable<Guid> StillWithoutRole(IdentityAccessDbContext db, HashSet<Guid> lost)
    {
        var people = lost.ToArray();
        var trackedMemberships = db.ChangeTracker.Entries<Membership>().Select(e => e.Entity.Id).ToArray();
        var trackedAdministrators = db.ChangeTracker.Entries<ParentAdministrator>().Select(e => e.Entity.Id).ToArray();
        return db.People.AsNoTracking()
            .Where(p => people.Contains(p.Id)
                && !db.Memberships.Any(m => m.PersonId == p.Id && m.Status == MembershipStatus.Active && !trackedMemberships.Contains(m.Id))
                && !db.ParentAdministrators.Any(a => a.PersonId == p.Id && !trackedAdministrators.Contains(a.Id)))
            .Select(p => p.Id);
    }

    private static IQueryable<PortalSession> OpenSessionsOf(IdentityAccessDbContext db, List<Guid> people) =>
        db.PortalSessions.Where(s => people.Contains(s.PersonId) && s.RevokedAt == null);

    private void Revoke(IdentityAccessDbContext db, List<PortalSession> sessions)
    {
        var now = time.GetUtcNow();
        foreach (var session in sessions)
        {
            // Through the entry, so the change is recorded whether or not the save's own change detection has run yet.
            var entry = db.Entry(session);
            entry.Property(s => s.RevokedAt).CurrentValue = now;
            entry.Property(s => s.RevokedReason).CurrentValue = SessionRevocationReason.NoRoleLeft;
        }
    }
}
