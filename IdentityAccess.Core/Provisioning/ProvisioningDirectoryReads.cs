using System.Linq.Expressions;
using System.Runtime.InteropServices;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// The directory side of the engine's input: a parent's directory users and the keys of the groups each is in, for
/// everyone (a full reconcile, a dry run) or for a scope (a SCIM write, a sign-in) read by index.
/// </summary>
internal static class ProvisioningDirectoryReads
{
    internal sealed record DirectoryUserRow(Guid Id, Guid? PersonId, string UserName, string? Email, string? DisplayName, bool Active, DateTimeOffset CreatedAt,
        DateTimeOffset? DeactivatedAt);

    /// <summary>
    /// Everyone's directory users (<paramref name="scope"/> null), or the scope's and those of the members loaded
    /// (<paramref name="memberIds"/>), with their group keys by directory user.
    /// </summary>
    public static async Task<(List<DirectoryUserRow> Users, Dictionary<Guid, string[]> GroupKeys)> LoadAsync(IdentityAccessDbContext db, Guid parentId,
        ReconcileScope? scope, HashSet<Guid> memberIds, CancellationToken cancellationToken)
    {
        if (scope is null)
        {
            var everyone = await EveryoneAsync(db, parentId, memberIds, cancellationToken);
            return (everyone, await AllGroupKeysAsync(db, parentId, everyone.Count, cancellationToken));
        }

        var users = await ScopedUsersAsync(db, parentId, scope, memberIds, cancellationToken);
        // A scope without directory users (someone who only signs in through SSO) has no directory groups to read.
        return (users, users.Count == 0 ? [] : await ScopedGroupKeysAsync(db, parentId, users, cancellationToken));
    }

    /// <summary>
    /// Every directory user of the parent. The names (user name, email, display name) are read only for those who are
    /// not among the members loaded: a member is named by their person, so the names of a million members' directory
    /// users were read and held through the whole reconcile for nothing (a fifth of its heap, docs/performance.md).
    /// </summary>
    private static async Task<List<DirectoryUserRow>> EveryoneAsync(IdentityAccessDbContext db, Guid parentId, HashSet<Guid> memberIds,
        CancellationToken cancellationToken)
    {
        var users = db.DirectoryUsers.AsNoTracking().Where(u => u.ParentOrganizationId == parentId);
        var everyone = await users.Select(u => new DirectoryUserRow(u.Id, u.PersonId, "", null, null, u.Active, u.CreatedAt, u.DeactivatedAt))
            .ToListAsync(cancellationToken);
        var unnamed = everyone.Where(u => u.PersonId is not { } personId || !memberIds.Contains(personId)).Select(u => u.Id).ToArray();
        var names = new Dictionary<Guid, (string UserName, string? Email, string? DisplayName)>(unnamed.Length);
        foreach (var chunk in unnamed.Chunk(NamesChunk))
        {
            // One JSON / array parameter a chunk (json_each / = ANY), read by primary key.
            await foreach (var user in users.Where(u => EF.Parameter(chunk).Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.Email, u.DisplayName })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                names[user.Id] = (user.UserName, user.Email, user.DisplayName);
            }
        }

        // A user deleted between the two reads keeps no name: it is left out, as if read after its deletion.
        return unnamed.Length == 0 ? everyone
            : [.. everyone.Where(u => (u.PersonId is { } personId && memberIds.Contains(personId)) || names.ContainsKey(u.Id))
                .Select(u => names.TryGetValue(u.Id, out var named) ? u with { UserName = named.UserName, Email = named.Email, DisplayName = named.DisplayName } : u)];
    }

    private const int NamesChunk = 10_000;

    /// <summary>
    /// The scope's directory users and those of the loaded members, each read through its own index (the primary key;
    /// PersonId), the parent checked in memory: with the parent's condition in SQL, SQLite's planner walked the parent's
    /// whole directory for a handful of ids once a batch asked for several.
    /// </summary>
    private static async Task<List<DirectoryUserRow>> ScopedUsersAsync(IdentityAccessDbContext db, Guid parentId, ReconcileScope scope,
        HashSet<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = scope.DirectoryUserIds.ToList();
        var byId = ids.Count == 0 ? []
            : await db.DirectoryUsers.WhereIn(db, ids, u => u.Id).AsNoTracking()
                .Select(_scopedRow)
                .ToListAsync(cancellationToken);
        var linkedById = byId.Select(u => u.Row.PersonId).ToHashSet();
        var personIds = memberIds.Where(id => !linkedById.Contains(id)).ToList();
        var byPerson = personIds switch
        {
            [] => [],
            // One person (a sign-in, its queue empty): the same read by the PersonId index, compiled.
            [var onlyPerson] => await _usersOfPerson.For(db)(db, onlyPerson).ToListAsync(cancellationToken),
            _ => await db.DirectoryUsers.WhereIn(db, personIds, u => u.PersonId).AsNoTracking()
                .Select(_scopedRow)
                .ToListAsync(cancellationToken),
        };
        return [.. byId.Concat(byPerson).Where(u => u.ParentOrganizationId == parentId).Select(u => u.Row).DistinctBy(u => u.Id)];
    }

    private sealed record ScopedUserRow(Guid ParentOrganizationId, DirectoryUserRow Row);

    // One projection for the three scoped reads (by id, by person, and the compiled read of one person).
    private static readonly Expression<Func<DirectoryObjects.DirectoryUser, ScopedUserRow>> _scopedRow =
        u => new ScopedUserRow(u.ParentOrganizationId, new DirectoryUserRow(u.Id, u.PersonId, u.UserName, u.Email, u.DisplayName, u.Active, u.CreatedAt, u.DeactivatedAt));

    private static readonly CompiledPerModel<Func<IdentityAccessDbContext, Guid, IAsyncEnumerable<ScopedUserRow>>> _usersOfPerson = new(() =>
        EF.CompileAsyncQuery((IdentityAccessDbContext db, Guid personId) => db.DirectoryUsers.AsNoTracking().Where(u => u.PersonId == personId)
            .Select(_scopedRow)));

    /// <summary>
    /// Every directory user's group keys, as one array a person. The rows carry the group's id and each key is read
    /// once from the parent's few groups: reading the key on every row made a string per group membership (five
    /// million for a million people). The rows are streamed into the arrays: a list of them and a lookup over it
    /// held five million objects at once (docs/performance.md). A group a row names that was added after the groups
    /// were read is read after the rows, so every group a row names is there unless it was deleted meanwhile.
    /// </summary>
    private static async Task<Dictionary<Guid, string[]>> AllGroupKeysAsync(IdentityAccessDbContext db, Guid parentId, int users,
        CancellationToken cancellationToken)
    {
        var groups = db.DirectoryGroups.AsNoTracking().Where(g => g.ParentOrganizationId == parentId);
        var keyById = await groups.Select(g => new { g.Id, g.ExternalId }).ToDictionaryAsync(g => g.Id, g => g.ExternalId, cancellationToken);
        var keys = new Dictionary<Guid, string[]>(users);
        var later = new List<(Guid UserId, Guid GroupId)>();
        await foreach (var row in db.DirectoryGroupMembers.AsNoTracking().Join(groups, m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, m.GroupId })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (keyById.TryGetValue(row.GroupId, out var key))
            {
                Append(keys, row.UserId, key);
            }
            else
            {
                later.Add((row.UserId, row.GroupId));
            }
        }

        if (later.Count > 0)
        {
            var added = later.Select(r => r.GroupId).Distinct().ToList();
            var addedKeys = await groups.Where(g => added.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.ExternalId, cancellationToken);
            foreach (var (userId, groupId) in later.Where(r => addedKeys.ContainsKey(r.GroupId)))
            {
                Append(keys, userId, addedKeys[groupId]);
            }
        }

        ShareAlikeArrays(keys);
        return keys;
    }

    /// <summary>
    /// People in the same groups, read in the same order, get one array: a directory's people fall into far fewer
    /// combinations of groups than there are people (everyone in "all employees" and their department), and an array
    /// a person was a tenth of a million people's reconcile heap. Each key is the one string read for its group, so
    /// arrays compare by reference, item by item. Bounded: past <see cref="MaxSharedArrays"/> combinations the rest
    /// keep their own.
    /// </summary>
    private static void ShareAlikeArrays(Dictionary<Guid, string[]> keys)
    {
        var shared = new Dictionary<string[], string[]>(SameStrings.Instance);
        foreach (var (userId, held) in keys)
        {
            if (shared.TryGetValue(held, out var one))
            {
                CollectionsMarshal.GetValueRefOrNullRef(keys, userId) = one; // in place: the enumeration goes on
            }
            else if (shared.Count < MaxSharedArrays)
            {
                shared[held] = held;
            }
        }
    }

    private const int MaxSharedArrays = 10_000;

    private sealed class SameStrings : IEqualityComparer<string[]>
    {
        public static readonly SameStrings Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y, ReferenceEqualityComparer.Instance));

        public int GetHashCode(string[] keys)
        {
            var hash = new HashCode();
            foreach (var key in keys)
            {
                hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key));
            }

            return hash.ToHashCode();
        }
    }

    // A person is in a few groups: an array grown by one a key is smaller than a list, and exactly what the engine keeps.
    private static void Append(Dictionary<Guid, string[]> keys, Guid userId, string key)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(keys, userId, out _);
        held = held is null ? [key] : [.. held, key];
    }

    /// <summary>The groups of a few directory users: their memberships by the UserId index, the groups' keys by primary key.</summary>
    private static async Task<Dictionary<Guid, string[]>> ScopedGroupKeysAsync(IdentityAccessDbContext db, Guid parentId, List<DirectoryUserRow> users,
        CancellationToken cancellationToken)
    {
        var userIds = users.Select(u => u.Id).ToList();
        var memberships = await db.DirectoryGroupMembers.WhereIn(db, userIds, m => m.UserId).AsNoTracking()
            .Select(m => new { m.UserId, m.GroupId }).ToListAsync(cancellationToken);
        if (memberships.Count == 0)
        {
            return [];
        }

        var groupIds = memberships.Select(m => m.GroupId).Distinct().ToList();
        var keys = await db.DirectoryGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new { g.Id, g.ParentOrganizationId, g.ExternalId }).ToListAsync(cancellationToken);
        var keyById = keys.Where(g => g.ParentOrganizationId == parentId).ToDictionary(g => g.Id, g => g.ExternalId);
        return memberships.Where(m => keyById.ContainsKey(m.GroupId)).GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Select(m => keyById[m.GroupId]).ToArray());
    }
}
