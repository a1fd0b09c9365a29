using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.DirectoryObjects;

/// <summary>
/// Groups sent as members of groups (RFC 7643 §4.2 allows it): skipped as members, remembered as row-level set
/// operations like members, so the group can be flagged as having nested groups.
/// </summary>
internal static class DirectoryGroupNesting
{
    /// <summary>Remembers those of <paramref name="ids"/> that are groups of this directory as nested in the group; returns them.</summary>
    public static async Task<IReadOnlyList<Guid>> RememberAsync(IdentityAccessDbContext db, Guid parentId, Guid groupId, IReadOnlyList<Guid> ids,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var groups = await db.DirectoryGroups.Where(g => g.ParentOrganizationId == parentId && ids.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        var present = await db.DirectoryGroupNestedGroups.Where(n => n.GroupId == groupId && groups.Contains(n.NestedGroupId))
            .Select(n => n.NestedGroupId).ToListAsync(cancellationToken);
        present.AddRange(db.DirectoryGroupNestedGroups.Local.Where(n => n.GroupId == groupId).Select(n => n.NestedGroupId)); // an earlier op of this PATCH
        db.DirectoryGroupNestedGroups.AddRange(groups.Except(present).Select(id => new DirectoryGroupNestedGroup { GroupId = groupId, NestedGroupId = id }));
        return groups;
    }

    public static Task<int> ForgetAsync(IdentityAccessDbContext db, Guid groupId, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        db.DirectoryGroupNestedGroups.Where(n => n.GroupId == groupId && ids.Contains(n.NestedGroupId)).ExecuteDeleteAsync(cancellationToken);

    public static Task<int> ClearAsync(IdentityAccessDbContext db, Guid groupId, CancellationToken cancellationToken) =>
        db.DirectoryGroupNestedGroups.Where(n => n.GroupId == groupId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The mapping keys (external ids) of this directory's groups that have nested groups.</summary>
    public static async Task<IReadOnlySet<string>> FlaggedKeysAsync(IdentityAccessDbContext db, Guid parentId, CancellationToken cancellationToken) =>
        (await db.DirectoryGroups.AsNoTracking()
            .Where(g => g.ParentOrganizationId == parentId && db.DirectoryGroupNestedGroups.Any(n => n.GroupId == g.Id))
            .Select(g => g.ExternalId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
