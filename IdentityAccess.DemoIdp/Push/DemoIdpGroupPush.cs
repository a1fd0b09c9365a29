using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.DemoIdp.Storage;

namespace IdentityAccess.DemoIdp.Push;

/// <summary>The group half of a push: create without members, then member adds and removes (SCIM-CLIENTS.md §1).</summary>
internal sealed class DemoIdpGroupPush(DemoIdpScimClient scim, DemoIdpPushedObjects pushed, DemoIdpPushTally tally)
{
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string EntraGroupSchema = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";

    public async Task PushAsync(DemoIdpGroup group, IReadOnlyList<DemoIdpPerson> people, CancellationToken cancellationToken)
    {
        var id = await FindOrCreateAsync(group, cancellationToken);
        if (id is null)
        {
            return;
        }

        var path = $"Groups/{Uri.EscapeDataString(id)}";
        var (status, body) = await scim.SendAsync(HttpMethod.Get, path, null, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            return;
        }

        var current = body?["members"]?.AsArray().Select(m => m?["value"]?.GetValue<string>()).OfType<string>().ToHashSet() ?? [];
        var memberIds = group.Members.Select(m => m.PersonId).ToHashSet();
        var desired = people.Where(p => memberIds.Contains(p.Id))
            .Select(p => pushed.ScimIdOf(DemoIdpObjectKind.User, p.ImmutableId)).OfType<string>().ToHashSet();
        var adds = desired.Except(current).Order(StringComparer.Ordinal).ToList();
        var removes = current.Except(desired).Order(StringComparer.Ordinal).ToList();
        if (adds.Count > 0 && await PatchMembersAsync(path, "Add", adds, cancellationToken))
        {
            tally.MembersAdded += adds.Count;
        }

        // Entra's default job removes with the ids as the value (SCIM-CLIENTS.md §1).
        if (removes.Count > 0 && await PatchMembersAsync(path, "Remove", removes, cancellationToken))
        {
            tally.MembersRemoved += removes.Count;
        }
    }

    public async Task RemoveAllExceptAsync(IReadOnlySet<string> immutableIds, CancellationToken cancellationToken)
    {
        foreach (var gone in pushed.AllExcept(DemoIdpObjectKind.Group, immutableIds))
        {
            var (status, _) = await scim.SendAsync(HttpMethod.Delete, $"Groups/{Uri.EscapeDataString(gone.ScimId)}", null, cancellationToken);
            if (status is HttpStatusCode.NoContent or HttpStatusCode.NotFound)
            {
                pushed.Forget(gone);
                tally.GroupsDeleted += status == HttpStatusCode.NoContent ? 1 : 0;
            }
        }
    }

    private async Task<string?> FindOrCreateAsync(DemoIdpGroup group, CancellationToken cancellationToken)
    {
        if (pushed.ScimIdOf(DemoIdpObjectKind.Group, group.ImmutableId) is { } known)
        {
            // A rename in the directory reaches the app as a displayName replace on the cached id.
            var rename = DemoIdpScimClient.Patch(DemoIdpScimClient.Operation("Replace", "displayName", group.DisplayName));
            var (status, _) = await scim.SendAsync(HttpMethod.Patch, $"Groups/{Uri.EscapeDataString(known)}", rename, cancellationToken);
            if (status is HttpStatusCode.OK or HttpStatusCode.NoContent)
            {
                tally.GroupsUpdated++;
                return known;
            }

            if (status != HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        var found = await scim.FindAsync("Groups", "displayName eq " + DemoIdpScimClient.Quote(group.DisplayName), cancellationToken);
        if (found is not null)
        {
            pushed.Remember(DemoIdpObjectKind.Group, group.ImmutableId, found);
            tally.GroupsUpdated++;
            return found;
        }

        var create = new JsonObject
        {
            ["schemas"] = new JsonArray(GroupSchema, EntraGroupSchema),
            ["externalId"] = group.ImmutableId,
            ["displayName"] = group.DisplayName,
            ["members"] = new JsonArray(),
            ["meta"] = new JsonObject { ["resourceType"] = "Group" },
        };
        var (created, body) = await scim.SendAsync(HttpMethod.Post, "Groups", create, cancellationToken);
        if (created != HttpStatusCode.Created || body?["id"]?.GetValue<string>() is not { } id)
        {
            return null;
        }

        pushed.Remember(DemoIdpObjectKind.Group, group.ImmutableId, id);
        tally.GroupsCreated++;
        return id;
    }

    private async Task<bool> PatchMembersAsync(string path, string op, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var value = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["value"] = id })]);
        var (status, _) = await scim.SendAsync(HttpMethod.Patch, path, DemoIdpScimClient.Patch(DemoIdpScimClient.Operation(op, "members", value)), cancellationToken);
        return status is HttpStatusCode.OK or HttpStatusCode.NoContent;
    }
}
