using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim.Log;
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
        // A PATCH can name 10,000 members. EF.Parameter sends the list as one JSON parameter (json_each / unnest)
        // instead of 10,000 bound parameters, which cost most of such a request. Only here: the primary keys drive
        // these lookups whatever the list's size, which the planner cannot see in a JSON parameter elsewhere.
        var known = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == parentId && EF.Parameter(wanted).Contains(u.Id))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        if (known.Count != wanted.Count)
        {
            // Provisioning log: a group sent as a member is skipped (only direct members count) and the group flagged.
            var unknown = wanted.Except(known).ToList();
            var nested = await DirectoryGroupNesting.RememberAsync(db, parentId, groupId, unknown, cancellationToken);
            ProvisioningLogScope.Current?.AddNestedGroupsSkipped(nested.Count);
            if (nested.Count != unknown.Count)
            {
                throw ScimException.InvalidValue($"Unknown member id(s): {string.Join(", ", unknown.Except(nested).Take(5))}.");
            }
        }

        var present = await db.DirectoryGroupMembers.Where(m => m.GroupId == groupId && EF.Parameter(known).Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        var added = known.Except(present).ToList();
        db.DirectoryGroupMembers.AddRange(added.Select(userId => new DirectoryGroupMember { GroupId = groupId, UserId = userId }));
        ProvisioningLogScope.Current?.AddGroupMembers(added);
    }

    public static async Task RemoveAsync(IdentityAccessDbContext db, Guid groupId, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        var members = db.DirectoryGroupMembers.Where(m => m.GroupId == groupId && userIds.Contains(m.UserId));
        // Provisioning log; with no SCIM request running, `?.` skips the query too.
        ProvisioningLogScope.Current?.RemoveGroupMembers(await members.Select(m => m.UserId).ToListAsync(cancellationToken));
        await members.ExecuteDeleteAsync(cancellationToken);
        await DirectoryGroupNesting.ForgetAsync(db, groupId, userIds, cancellationToken); // an id removed may be a nested group's
    }

    public static async Task ClearAsync(IdentityAccessDbContext db, Guid groupId, CancellationToken cancellationToken)
    {
        var members = db.DirectoryGroupMembers.Where(m => m.GroupId == groupId);
        // Provisioning log; with no SCIM request running, `?.` skips the query too.
        ProvisioningLogScope.Current?.RemoveGroupMembers(await members.Select(m => m.UserId).ToListAsync(cancellationToken));
        await members.ExecuteDeleteAsync(cancellationToken);
        await DirectoryGroupNesting.ClearAsync(db, groupId, cancellationToken);
    }
}
