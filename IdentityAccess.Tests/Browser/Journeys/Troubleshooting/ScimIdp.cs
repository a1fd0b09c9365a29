using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>
/// Plays the customer's IdP over the portal's real SCIM endpoint, in Entra's request shapes (SCIM-CLIENTS.md §1):
/// capitalised ops, <c>active</c> as the string "False", several members per group PATCH. Every call checks the
/// status code, so a journey never goes on from a push the portal refused.
/// </summary>
public sealed class ScimIdp : IDisposable
{
    private const string ScimJson = "application/scim+json";
    private readonly HttpClient _http;

    private ScimIdp(HttpClient http) => _http = http;

    /// <summary>A token for the parent's directory, as the owner would copy it into the IdP from "Set up SCIM".</summary>
    public static async Task<ScimIdp> ConnectAsync(BrowserFixture portal, string parentName = "Acme Corporation")
    {
        Guid parentId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            parentId = await db.ParentOrganizations.Where(p => p.Name == parentName).Select(p => p.Id).SingleAsync();
        }

        var (token, refused) = await portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(null, "IdP admin"));
        Assert.True(token is not null, refused?.Message);
        var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl + "/scim/v2/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return new ScimIdp(http);
    }

    /// <summary>Assigns a new person to the app: POST /Users. Returns their SCIM id.</summary>
    public async Task<string> AssignAsync(string email, string displayName)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["externalId"] = "idp-" + email,
            ["userName"] = email,
            ["active"] = true,
            ["displayName"] = displayName,
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = email }),
        };
        var created = await SendAsync(HttpMethod.Post, "Users", body, HttpStatusCode.Created);
        return created!["id"]!.GetValue<string>();
    }

    /// <summary>Unassigned or disabled in the IdP: Entra's <c>Replace active "False"</c>.</summary>
    public async Task DeactivateAsync(string email) =>
        await SendAsync(HttpMethod.Patch, $"Users/{await UserIdAsync(email)}", Patch(Operation("Replace", "active", "False")), HttpStatusCode.OK);

    /// <summary>Hard-deleted in the IdP: DELETE /Users/{id}.</summary>
    public async Task DeleteAsync(string email) =>
        await SendAsync(HttpMethod.Delete, $"Users/{await UserIdAsync(email)}", null, HttpStatusCode.NoContent);

    public async Task AddToGroupAsync(string group, params string[] emails) => await PatchMembersAsync(group, "Add", emails);

    public async Task RemoveFromGroupAsync(string group, params string[] emails) => await PatchMembersAsync(group, "Remove", emails);

    public void Dispose() => _http.Dispose();

    // Entra adds and removes several members in one PATCH, the ids as the value (SCIM-CLIENTS.md §1).
    private async Task PatchMembersAsync(string group, string op, string[] emails)
    {
        var members = new JsonArray();
        foreach (var email in emails)
        {
            members.Add(new JsonObject { ["value"] = await UserIdAsync(email) });
        }

        await SendAsync(HttpMethod.Patch, $"Groups/{await GroupIdAsync(group)}", Patch(Operation(op, "members", members)), HttpStatusCode.NoContent);
    }

    private async Task<string> UserIdAsync(string email) => await FindAsync("Users", $"userName eq \"{email}\"");

    private async Task<string> GroupIdAsync(string displayName) => await FindAsync("Groups", $"displayName eq \"{displayName}\"");

    private async Task<string> FindAsync(string resource, string filter)
    {
        var list = await SendAsync(HttpMethod.Get, $"{resource}?excludedAttributes=members&filter={Uri.EscapeDataString(filter)}", null, HttpStatusCode.OK);
        var found = list!["Resources"]!.AsArray();
        Assert.True(found.Count == 1, $"The IdP expected one match for {filter} in {resource}, found {found.Count}.");
        return found[0]!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, ScimJson);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static JsonObject Patch(params JsonObject[] operations) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray([.. operations]),
    };

    private static JsonObject Operation(string op, string path, JsonNode value) => new() { ["op"] = op, ["path"] = path, ["value"] = value };
}
