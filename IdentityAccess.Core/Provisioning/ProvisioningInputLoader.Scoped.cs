using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>The engine's input for the people a directory write or a sign-in touched, with the seats everyone else holds taken.</summary>
internal static partial class ProvisioningInputLoader
{
    /// <summary>
    /// For a scoped load: whether an active top-role member is left out of it. Asked only when one of those loaded
    /// has the top role now, since otherwise nothing they do can take the organization's last one away.
    /// </summary>
    private static async Task<bool> TopRoleHeldElsewhereAsync(IdentityAccessDbContext db, OrganizationFacts organization, List<MemberRow> members,
        CancellationToken cancellationToken)
    {
        var top = RoleCatalog.TopRole(organization.Product);
        if (!members.Any(m => m.Current.Status == MembershipStatus.Active && m.Current.Role == top))
        {
            return false;
        }

        var listed = members.Select(m => m.PersonId).ToList();
        var topRoles = db.Memberships.Where(m => m.OrganizationId == organization.OrganizationId && m.Role == top && m.Status == MembershipStatus.Active);
        return await topRoles.WhereNotIn(listed, m => m.PersonId).AnyAsync(cancellationToken);
    }

    /// <summary>
    /// The scope's members, plus the pending queue when a seat may come free for it; the seat pools shrink by the
    /// seats everyone else holds, so the engine hands out only what is really free.
    /// </summary>
    private static async Task<(List<MemberRow>, List<SeatPoolFacts>)> ScopedMembersAsync(IdentityAccessDbContext db, Guid organizationId,
        List<SeatPoolFacts> pools, ReconcileScope scope, List<Guid> heldTopRole, SignInReads? signIn, CancellationToken cancellationToken)
    {
        var userIds = scope.DirectoryUserIds.ToList();
        // A scope of people only (a sign-in) has no directory users to resolve: no round trip for an empty list.
        var linkedPeople = userIds.Count == 0 ? []
            : await db.DirectoryUsers.WhereIn(db, userIds, u => u.Id).Where(u => u.PersonId != null).Select(u => u.PersonId!.Value).ToListAsync(cancellationToken);
        // People with a held top-role change join every scope: whoever this request touches may be the other top role
        // that lets their change apply, and a full reconcile would see the same.
        var personIds = linkedPeople.Concat(scope.PersonIds).Concat(heldTopRole).ToHashSet();
        var scopedIds = personIds.ToList();
        // The rows the caller read are the scope's whole answer only when nobody else joined the scope.
        var members = signIn is not null && personIds.SetEquals(scope.PersonIds)
            ? [.. signIn.Members]
            : await MembersAsync(db, db.Memberships.Where(m => m.OrganizationId == organizationId).WhereIn(scopedIds, m => m.PersonId), cancellationToken);

        // Kept by database triggers: reading it costs the same at a hundred members or a hundred thousand.
        var heldByEveryone = (signIn?.SeatsHeld ?? await SeatHoldingCounts.HeldAsync(db, organizationId, cancellationToken))
            .Select(h => new { Tier = h.Key == SeatHolding.NoTier ? (SeatTier?)null : Enum.Parse<SeatTier>(h.Key), Count = h.Value }).ToList();
        var heldByOthers = heldByEveryone.ToDictionary(h => h.Tier ?? NoTier, h => h.Count);
        foreach (var member in members.Where(m => m.Current.HoldsSeat))
        {
            heldByOthers[member.Current.Tier ?? NoTier]--;
        }

        List<SeatPoolFacts> seats = [.. pools.Select(p => p with { Purchased = p.Purchased - heldByOthers.GetValueOrDefault(p.Tier ?? NoTier) })];
        seats.AddRange(heldByOthers.Where(h => h.Value > 0 && !pools.Any(p => (p.Tier ?? NoTier) == h.Key))
            .Select(h => new SeatPoolFacts(h.Key == NoTier ? null : h.Key, -h.Value)));

        var seatMayComeFree = members.Any(m => m.Current.HoldsSeat)
            || pools.Any(p => p.Purchased > heldByEveryone.Where(h => h.Tier == p.Tier).Sum(h => h.Count));
        if (seatMayComeFree)
        {
            var pending = db.Memberships.Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.PendingSeat);
            members.AddRange(scopedIds is [var onlyPerson] // a scope of one person (a sign-in nobody else joined): the same read, compiled
                ? await _pendingExceptOne.For(db)(db, organizationId, onlyPerson).ToListAsync(cancellationToken)
                : await MembersAsync(db, pending.WhereNotIn(scopedIds, m => m.PersonId), cancellationToken));
        }

        return (members, seats);
    }

    // Stands for "no tier" (a Console organization's seats) as a dictionary key.
    private const SeatTier NoTier = (SeatTier)(-1);
}
