using System.Text.Json;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// Group membership writes as set operations on rows (add the missing ones, delete the named ones), never by
/// rewriting a member list, so parallel PATCHes to one group do not overwrite each other.
/// </summary>
internal static class ScimGroupMembers
{
    public static async Task AddAsync(IdentityAccessDbContext db, Guid parentId, Guid groupId, IReadOnlyList<Guid> userIds, GroupMemberChanges changes,
        CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        var wanted = userIds.Distinct().ToList();
        // A PATCH can name 10,000 members. EF.Parameter sends the list as one JSON parameter (json_each / unnest)
        // instead of 10,000 bound parameters, which cost most of such a request. Only here: the primary key drives
        // this lookup whatever the list's size, which the planner cannot see in a JSON parameter elsewhere.
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

        var added = await InsertMissingAsync(db, groupId, known, cancellationToken);
        ProvisioningLogScope.Current?.AddGroupMembers(added);
        changes.Added(added);
    }

    /// <summary>
    /// Inserts the rows not there yet with one untracked INSERT … SELECT per chunk, the ids as one parameter (json_each /
    /// unnest), and returns the users it added. Tracked, 10,000 members were 10,000 INSERTs on SQLite (most of a PATCH's
    /// time) and 10,000 entries every later SaveChanges of the request scanned. ON CONFLICT DO NOTHING: a member already
    /// there, or added meanwhile by a parallel PATCH (PostgreSQL), is skipped, and RETURNING leaves it out of what the
    /// log and the reconcile count, as the read-then-insert did with its retry.
    /// </summary>
    private static async Task<List<Guid>> InsertMissingAsync(IdentityAccessDbContext db, Guid groupId, List<Guid> userIds, CancellationToken cancellationToken)
    {
        const int ChunkSize = 10_000;
        var sqlite = db.Database.IsSqlite();
        var added = new List<Guid>(userIds.Count);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // SQLite: `WHERE true` keeps ON CONFLICT from being read as the SELECT's join clause (SQLite's "parsing ambiguity").
        command.CommandText = sqlite
            ? """INSERT INTO "DirectoryGroupMembers" ("GroupId", "UserId") SELECT @group, value FROM json_each(@users) WHERE true ON CONFLICT DO NOTHING RETURNING "UserId" """
            : """INSERT INTO "DirectoryGroupMembers" ("GroupId", "UserId") SELECT @group, u FROM unnest(@users) AS u ON CONFLICT DO NOTHING RETURNING "UserId" """;
        var group = command.CreateParameter();
        group.ParameterName = "group";
        // EF Core's SQLite provider stores a Guid as upper-case text; Npgsql sends uuid and uuid[].
        group.Value = sqlite ? Text(groupId) : groupId;
        var users = command.CreateParameter();
        users.ParameterName = "users";
        command.Parameters.Add(group);
        command.Parameters.Add(users);
        foreach (var chunk in userIds.Chunk(ChunkSize))
        {
            users.Value = sqlite ? JsonSerializer.Serialize(chunk.Select(Text)) : chunk;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                added.Add(sqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0));
            }
        }

        return added;
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public static async Task RemoveAsync(IdentityAccessDbContext db, Guid groupId, IReadOnlyList<Guid> userIds, GroupMemberChanges changes,
        CancellationToken cancellationToken)
    {
        var members = db.DirectoryGroupMembers.Where(m => m.GroupId == groupId && userIds.Contains(m.UserId));
        // The rows the delete takes (the group's version was claimed first, so none changes meanwhile): for the
        // provisioning log and the reconcile's scope.
        var removed = await members.Select(m => m.UserId).ToListAsync(cancellationToken);
        ProvisioningLogScope.Current?.RemoveGroupMembers(removed);
        changes.Removed(removed);
        await members.ExecuteDeleteAsync(cancellationToken);
        await DirectoryGroupNesting.ForgetAsync(db, groupId, userIds, cancellationToken); // an id removed may be a nested group's
    }

    public static async Task ClearAsync(IdentityAccessDbContext db, Guid groupId, GroupMemberChanges changes, CancellationToken cancellationToken)
    {
        var members = db.DirectoryGroupMembers.Where(m => m.GroupId == groupId);
        var removed = await members.Select(m => m.UserId).ToListAsync(cancellationToken); // for the log and the reconcile's scope, as above
        ProvisioningLogScope.Current?.RemoveGroupMembers(removed);
        changes.Removed(removed);
        await members.ExecuteDeleteAsync(cancellationToken);
        await DirectoryGroupNesting.ClearAsync(db, groupId, cancellationToken);
    }
}
