using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Group membership writes as set operations on rows (add the missing ones, delete the named ones), never by
/// rewriting a member list, so parallel PATCHes to one group do not overwrite each other.
/// </summary>
internal static class ScimGroupMembers
{
    public static async Task AddAsync(IdentityAccessDbContext db, Guid parentId, Guid groupId, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        var wanted = userIds.Distinct().ToList();
        var known = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == parentId && wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        if (known.Count != wanted.Count)
        {
            throw ScimException.InvalidValue($"Unknown member id(s): {string.Join(", ", wanted.Except(known).Take(5))}.");
        }

        var present = await db.DirectoryGroupMembers.Where(m => m.GroupId == groupId && known.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken);
        db.DirectoryGroupMembers.AddRange(known.Except(present).Select(userId => new DirectoryGroupMember { GroupId = groupId, UserId = userId }));
    }

    public static Task RemoveAsync(IdentityAccessDbContext db, Guid groupId, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken) =>
        db.DirectoryGroupMembers.Where(m => m.GroupId == groupId && userIds.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);

    public static Task ClearAsync(IdentityAccessDbContext db, Guid groupId, CancellationToken cancellationToken) =>
        db.DirectoryGroupMembers.Where(m => m.GroupId == groupId).ExecuteDeleteAsync(cancellationToken);
}
