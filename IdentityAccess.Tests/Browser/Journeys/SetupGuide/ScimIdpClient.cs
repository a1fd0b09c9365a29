using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityAccess.Tests.Browser.Journeys.SetupGuide;

/// <summary>
/// Plays the identity provider's provisioning job: real SCIM 2.0 calls to the running portal with the bearer token the
/// owner generated on the Identity and access page, in the shapes Entra ID and Okta send (docs: SCIM-CLIENTS.md).
/// </summary>
public sealed class ScimIdpClient : IDisposable
{
    private const string ScimJson = "application/scim+json";
    private readonly HttpClient _http;

    public ScimIdpClient(string baseUrl, string token)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/scim/v2/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(ScimJson));
    }

    /// <summary>Assigns a person to the app: POST /Users as Entra sends it. Returns the SCIM id the portal gave them.</summary>
    public async Task<string> AssignUserAsync(string email, string displayName)
    {
        var (given, family) = (displayName.Split(' ')[0], displayName.Split(' ')[^1]);
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
            ["externalId"] = "entra-" + email.Split('@')[0],
            ["userName"] = email,
            ["active"] = true,
            ["displayName"] = displayName,
            ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = email }),
            ["name"] = new JsonObject { ["formatted"] = displayName, ["givenName"] = given, ["familyName"] = family },
            ["roles"] = new JsonArray(),
        };
        return await CreateAsync("Users", body);
    }

    /// <summary>Pushes a group with its direct members in one POST, as Okta's AIW apps do. Returns the group's SCIM id.</summary>
    public Task<string> PushGroupAsync(string displayName, params string[] memberIds) => CreateAsync("Groups", new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
        ["displayName"] = displayName,
        ["members"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["value"] = id })]),
    });

    /// <summary>Adds members to a group the way Entra does: PATCH with a capitalised "Add" and several members in one op.</summary>
    public async Task AddToGroupAsync(string groupId, params string[] memberIds)
    {
        var patch = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = new JsonArray(new JsonObject
            {
                ["op"] = "Add",
                ["path"] = "members",
                ["value"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["value"] = id })]),
            }),
        };
        using var response = await _http.PatchAsync($"Groups/{groupId}", Content(patch));
        await ExpectAsync(response, HttpStatusCode.NoContent);
    }

    /// <summary>The IdP's lookup before it links a person it already assigned: GET /Users?filter=userName eq "…".</summary>
    public Task<string> FindUserIdAsync(string userName) => FindIdAsync("Users", "userName", userName);

    /// <summary>Entra's group lookup: GET /Groups?excludedAttributes=members&amp;filter=displayName eq "…".</summary>
    public Task<string> FindGroupIdAsync(string displayName) => FindIdAsync("Groups", "displayName", displayName);

    public void Dispose() => _http.Dispose();

    private async Task<string> CreateAsync(string resource, JsonObject body)
    {
        using var response = await _http.PostAsync(resource, Content(body));
        await ExpectAsync(response, HttpStatusCode.Created);
        return (await ReadAsync(response))["id"]!.GetValue<string>();
    }

    private async Task<string> FindIdAsync(string resource, string attribute, string value)
    {
        var filter = Uri.EscapeDataString($"{attribute} eq \"{value}\"");
        using var response = await _http.GetAsync($"{resource}?filter={filter}{(resource == "Groups" ? "&excludedAttributes=members" : "")}");
        await ExpectAsync(response, HttpStatusCode.OK);
        var resources = (await ReadAsync(response))["Resources"]!.AsArray();
        return Assert.Single(resources)!["id"]!.GetValue<string>();
    }

    private static StringContent Content(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, ScimJson);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    // The portal's SCIM error detail in the failure message says what it refused.
    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}: " +
                await response.Content.ReadAsStringAsync());
        }
    }
}
