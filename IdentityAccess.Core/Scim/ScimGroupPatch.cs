using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;

namespace IdentityAccess.Core.Scim;

/// <summary>
/// One Group PatchOp operation, in the forms Entra and Okta send: add/remove members with a value array, remove
/// <c>members[value eq "id"]</c>, remove all members, replace members, rename by path or path-less object.
/// </summary>
internal static partial class ScimGroupPatch
{
    public delegate Task Rename(IdentityAccessDbContext db, DirectoryGroup group, string name, CancellationToken cancellationToken);

    public static async Task ApplyAsync(IdentityAccessDbContext db, Guid parentId, DirectoryGroup group, JsonObject operation, Rename rename,
        CancellationToken cancellationToken)
    {
        var op = ScimJson.GetString(operation, "op")?.Trim().ToLowerInvariant();
        var path = ScimJson.GetString(operation, "path")?.Trim();
        var value = ScimJson.Get(operation, "value");
        var filtered = path is null ? null : MemberFilter().Match(path);
        switch (op, path?.ToLowerInvariant())
        {
            case ("add", "members"):
                await ScimGroupMembers.AddAsync(db, parentId, group.Id, ScimGroupDocument.MemberIds(value), cancellationToken);
                break;
            case ("replace", "members"):
                await ScimGroupMembers.ClearAsync(db, group.Id, cancellationToken);
                await ScimGroupMembers.AddAsync(db, parentId, group.Id, ScimGroupDocument.MemberIds(value), cancellationToken);
                break;
            case ("remove", "members"):
                // Entra's default sends the ids to remove as the value; no value means "all members".
                await (value is null ? ScimGroupMembers.ClearAsync(db, group.Id, cancellationToken)
                    : ScimGroupMembers.RemoveAsync(db, group.Id, ScimGroupDocument.MemberIds(value), cancellationToken));
                break;
            case ("remove", _) when filtered?.Success == true:
                await ScimGroupMembers.RemoveAsync(db, group.Id, ScimGroupDocument.MemberIds(new JsonObject { ["value"] = filtered.Groups["id"].Value }), cancellationToken);
                break;
            case ("add" or "replace", "displayname"):
                await rename(db, group, ScimJson.GetString(operation, "value") ?? "", cancellationToken);
                break;
            case ("add" or "replace", null) when value is JsonObject values:
                if (ScimJson.GetString(values, "displayName") is { } name)
                {
                    await rename(db, group, name, cancellationToken);
                }

                if (ScimJson.Get(values, "members") is { } members)
                {
                    await ScimGroupMembers.AddAsync(db, parentId, group.Id, ScimGroupDocument.MemberIds(members), cancellationToken);
                }

                break;
            case ("add" or "replace", "externalid"):
                break; // the mapping key stays as first given, so renames and re-keys never orphan a mapping silently
            default:
                throw ScimException.InvalidPath($"Unsupported Group operation '{op}' on '{path}'.");
        }
    }

    [GeneratedRegex("""^members\[\s*value\s+eq\s+"(?<id>[^"]+)"\s*\]$""", RegexOptions.IgnoreCase)]
    private static partial Regex MemberFilter();
}
