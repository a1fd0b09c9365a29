using System.Text.Json.Nodes;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim.Filtering;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// One Group PatchOp operation (RFC 7644 §3.5.2), in the forms Entra and Okta send: add/remove members with a value
/// array (Entra's remove names the members to remove; no value means all), <c>members[value eq "id"]</c> (or any filter
/// on value) for remove and replace, replace members, rename by path (plain or URN-qualified) or path-less object.
/// </summary>
internal static class ScimGroupPatch
{
    public delegate Task Rename(IdentityAccessDbContext db, DirectoryGroup group, string name, CancellationToken cancellationToken);

    public static async Task ApplyAsync(IdentityAccessDbContext db, Guid parentId, DirectoryGroup group, JsonObject operation, Rename rename,
        GroupMemberChanges changes, CancellationToken cancellationToken)
    {
        var op = ScimJson.GetString(operation, "op")?.Trim().ToLowerInvariant();
        if (op is not ("add" or "replace" or "remove"))
        {
            throw ScimException.InvalidSyntax($"Unknown op '{ScimJson.GetString(operation, "op")}'. Use add, replace or remove.");
        }

        var path = ScimJson.GetString(operation, "path");
        var value = ScimJson.Get(operation, "value");
        if (string.IsNullOrWhiteSpace(path))
        {
            if (op == "remove" || value is not JsonObject values)
            {
                throw op == "remove" ? ScimPatch.NoTarget("remove needs a path (RFC 7644 §3.5.2.2).") : ScimException.InvalidSyntax("An operation without a path needs an object value.");
            }

            // Keys may be URN-qualified; others (schemas, meta, externalId, an IdP's own) change nothing here.
            foreach (var (key, item) in values)
            {
                switch (ScimAttributePath.TryParse(key) is { } name && name.IsIn(ScimSchemas.Group) ? name.Key : null)
                {
                    case "displayname":
                        await rename(db, group, Text(item), cancellationToken);
                        break;
                    case "members":
                        await MembersAsync(db, parentId, group, op, null, item, changes, cancellationToken);
                        break;
                }
            }

            return;
        }

        var (attribute, filter, sub) = ScimFilterParser.ParsePatchPath(path);
        switch (attribute.IsIn(ScimSchemas.Group) && sub is null ? attribute.Key : null)
        {
            case "members":
                await MembersAsync(db, parentId, group, op, filter, value, changes, cancellationToken);
                break;
            case "displayname" when op != "remove" && filter is null:
                await rename(db, group, Text(value), cancellationToken);
                break;
            case "externalid" when filter is null:
                break; // the mapping key stays as first given, so renames and re-keys never orphan a mapping silently
            default:
                throw ScimException.InvalidPath($"Unsupported Group operation '{op}' on '{path}'.");
        }
    }

    private static async Task MembersAsync(IdentityAccessDbContext db, Guid parentId, DirectoryGroup group, string op, ScimFilterNode? filter, JsonNode? value,
        GroupMemberChanges changes, CancellationToken cancellationToken)
    {
        if (filter is not null)
        {
            if (op == "add")
            {
                throw ScimException.InvalidPath("add takes 'members' with the members as its value, not a filtered path.");
            }

            // RFC 7644 §3.5.2.2/3: the members the filter selects, found in SQL. The ids it names are removed even when they are no
            // member (any more): IdPs retry removals, and a nested group's id is remembered, not a member. Otherwise none is noTarget.
            var matched = await db.DirectoryGroupMembers.Where(m => m.GroupId == group.Id).Where(ScimGroupQuery.MemberFilter(filter))
                .Select(m => m.UserId).ToListAsync(cancellationToken);
            var named = op == "remove" ? NamedIds(filter) : [];
            if (matched.Count == 0 && named.Count == 0)
            {
                throw ScimPatch.NoTarget("No member of the group matches the filter.");
            }

            matched = [.. matched.Union(named)];
            await ScimGroupMembers.RemoveAsync(db, group.Id, matched, changes, cancellationToken);
            if (op == "replace")
            {
                await ScimGroupMembers.AddAsync(db, parentId, group.Id, ScimGroupDocument.MemberIds(value), changes, cancellationToken);
            }

            return;
        }

        switch (op)
        {
            case "add":
                await ScimGroupMembers.AddAsync(db, parentId, group.Id, ScimGroupDocument.MemberIds(value), changes, cancellationToken);
                break;
            case "replace":
                await ScimGroupMembers.ClearAsync(db, group.Id, changes, cancellationToken);
                await ScimGroupMembers.AddAsync(db, parentId, group.Id, ScimGroupDocument.MemberIds(value), changes, cancellationToken);
                break;
            default:
                // Entra's default sends the ids to remove as the value; no value means "all members".
                await (value is null ? ScimGroupMembers.ClearAsync(db, group.Id, changes, cancellationToken)
                    : ScimGroupMembers.RemoveAsync(db, group.Id, ScimGroupDocument.MemberIds(value), changes, cancellationToken));
                break;
        }
    }

    // members[value eq "a" or value eq "b"]: the ids named outright.
    private static List<Guid> NamedIds(ScimFilterNode filter) => filter switch
    {
        ScimOrNode or => [.. NamedIds(or.Left), .. NamedIds(or.Right)],
        ScimCompareNode { Operator: ScimCompareOperator.Eq, Value: string id, Path.Key: "value" } when Guid.TryParse(id, out var guid) => [guid],
        _ => [],
    };

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
}
