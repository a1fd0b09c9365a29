using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Sessions;

/// <summary>
/// Revokes the sessions of people who just lost their last role: no active membership anywhere and no parent to
/// administer. Only a loss triggers it: a newcomer who signed in to create an organization has no role yet and keeps
/// their session. Tracked writes reach it through <see cref="RoleLossSessionInterceptor"/>; the set-based plan apply,
/// which bypasses interceptors, calls <see cref="RevokeIfNoRoleLeftAsync"/> itself.
/// </summary>
internal static class RoleLossRevocation
{
    private const int ChunkSize = 10_000;

    /// <summary>
    /// One statement per chunk, in the caller's transaction, after the caller's own changes: whoever of
    /// <paramref name="personIds"/> has no role left now loses their open sessions.
    /// </summary>
    public static async Task<int> RevokeIfNoRoleLeftAsync(IdentityAccessDbContext db, IReadOnlyCollection<Guid> personIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var revoked = 0;
        foreach (var chunk in personIds.Distinct().Chunk(ChunkSize))
        {
            revoked += await db.PortalSessions
                .Where(s => EF.Parameter(chunk).Contains(s.PersonId) && s.RevokedAt == null
                    && !db.Memberships.Any(m => m.PersonId == s.PersonId && m.Status == MembershipStatus.Active)
                    && !db.ParentAdministrators.Any(a => a.PersonId == s.PersonId))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, SessionRevocationReason.NoRoleLeft),
                    cancellationToken);
        }

        return revoked;
    }
}
