using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.DemoIdp.Storage;

namespace IdentityAccess.DemoIdp.Push;

/// <summary>The user half of a push, in Entra's request shapes (SCIM-CLIENTS.md §1).</summary>
internal sealed class DemoIdpUserPush(DemoIdpScimClient scim, DemoIdpPushedObjects pushed, DemoIdpPushTally tally)
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public async Task PushAsync(DemoIdpPerson person, CancellationToken cancellationToken)
    {
        // Entra matches by userName the first time, then addresses the user by the id it cached.
        var id = pushed.ScimIdOf(DemoIdpObjectKind.User, person.ImmutableId)
            ?? await scim.FindAsync("Users", "userName eq " + DemoIdpScimClient.Quote(person.Email), cancellationToken);
        if (id is not null)
        {
            var (status, _) = await scim.SendAsync(HttpMethod.Patch, $"Users/{Uri.EscapeDataString(id)}", Update(person), cancellationToken);
            if (status == HttpStatusCode.OK)
            {
                pushed.Remember(DemoIdpObjectKind.User, person.ImmutableId, id);
                _ = person.Active ? tally.UsersUpdated++ : tally.UsersDeactivated++;
                return;
            }

            if (status != HttpStatusCode.NotFound)
            {
                return;
            }
        }

        // Deleted in the app meanwhile, or never there: only an active person is created.
        if (person.Active)
        {
            var (status, body) = await scim.SendAsync(HttpMethod.Post, "Users", Create(person), cancellationToken);
            if (status == HttpStatusCode.Created && body?["id"]?.GetValue<string>() is { } created)
            {
                pushed.Remember(DemoIdpObjectKind.User, person.ImmutableId, created);
                tally.UsersCreated++;
            }
        }
    }

    /// <summary>People no longer in the directory: <c>active "False"</c>, then DELETE (Entra's soft, then hard delete).</summary>
    public async Task RemoveAllExceptAsync(IReadOnlySet<string> immutableIds, CancellationToken cancellationToken)
    {
        foreach (var gone in pushed.AllExcept(DemoIdpObjectKind.User, immutableIds))
        {
            var path = $"Users/{Uri.EscapeDataString(gone.ScimId)}";
            await scim.SendAsync(HttpMethod.Patch, path, DemoIdpScimClient.Patch(DemoIdpScimClient.Operation("Replace", "active", "False")), cancellationToken);
            var (status, _) = await scim.SendAsync(HttpMethod.Delete, path, null, cancellationToken);
            if (status is HttpStatusCode.NoContent or HttpStatusCode.NotFound)
            {
                pushed.Forget(gone);
                tally.UsersDeleted += status == HttpStatusCode.NoContent ? 1 : 0;
            }
        }
    }

    private static JsonObject Create(DemoIdpPerson person) => new()
    {
        ["schemas"] = new JsonArray(UserSchema, EnterpriseSchema),
        ["externalId"] = person.ImmutableId,
        ["userName"] = person.Email,
        ["active"] = true,
        ["displayName"] = person.DisplayName,
        ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = person.Email }),
        ["meta"] = new JsonObject { ["resourceType"] = "User" },
        ["name"] = new JsonObject { ["formatted"] = person.DisplayName },
        ["roles"] = new JsonArray(),
    };

    // Entra's default job: capitalised ops and the booleans as the strings "True" and "False".
    private static JsonObject Update(DemoIdpPerson person) => DemoIdpScimClient.Patch(
        DemoIdpScimClient.Operation("Replace", "userName", person.Email),
        DemoIdpScimClient.Operation("Replace", "displayName", person.DisplayName),
        DemoIdpScimClient.Operation("Replace", "emails[type eq \"work\"].value", person.Email),
        DemoIdpScimClient.Operation("Replace", "active", person.Active ? "True" : "False"));
}
