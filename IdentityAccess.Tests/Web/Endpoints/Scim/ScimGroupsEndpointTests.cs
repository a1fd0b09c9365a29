using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>Group pushes change roles through advanced group mappings (Acme chat: SCIM, owners → Owner, users → User, ext-admins → Admin).</summary>
public sealed class ScimGroupsEndpointTests : IAsyncLifetime
{
    private const string Owners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";
    private const string Users = "6f1c2a9e-0003-4c1e-9a10-acme00000003";
    private readonly SqlitePortalFixture _portal = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        var draft = new ProvisioningDraft(ProvisioningMode.Scim, true,
            [new RoleMapping(Owners, Role.Owner), new RoleMapping(Users, Role.User), new RoleMapping("ext-admins", Role.Admin)], [], null, 1);
        var saved = await _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>()
            .SaveAsync(_portal.Demo.AcmeChat, draft, _portal.Demo.Person("alice@acme.test"), 1); // Bob (admins, unmapped) loses access
        Assert.Empty(saved.Errors);
        Guid acme;
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        }

        var (token, _) = await _portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(acme, new AuditActor(null, "test"));
        _client = _portal.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    private async Task<JsonObject> GetJsonAsync(string url) => JsonNode.Parse(await _client.GetStringAsync(url))!.AsObject();

    private async Task<string> UserIdAsync(string userName) =>
        (await GetJsonAsync($"/scim/v2/Users?filter=userName eq \"{userName}\""))["Resources"]![0]!["id"]!.GetValue<string>();

    private async Task<Role?> AcmeRoleOfAsync(string email)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == _portal.Demo.AcmeChat && m.Person!.Email == email && m.Status == IdentityAccess.Core.Members.MembershipStatus.Active)
            .Select(m => (Role?)m.Role).SingleOrDefaultAsync();
    }

    private async Task<string> CreateAdminsGroupAsync()
    {
        var created = await _client.PostAsync("/scim/v2/Groups", Scim("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"scim-admins","externalId":"ext-admins","members":[]}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task AddThenEntraRemove_RoleFollowsTheMappedGroup()
    {
        var group = await CreateAdminsGroupAsync();
        var carol = await UserIdAsync("carol@acme.test");
        Assert.Equal(Role.User, await AcmeRoleOfAsync("carol@acme.test"));

        var add = await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"Add","path":"members","value":[{"value":"{{carol}}"}]}]}"""));
        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Equal(Role.Admin, await AcmeRoleOfAsync("carol@acme.test"));

        await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"Remove","path":"members","value":[{"value":"{{carol}}"}]}]}"""));
        Assert.Equal(Role.User, await AcmeRoleOfAsync("carol@acme.test"));
    }

    [Fact]
    public async Task Rename_KeepsTheMapping_DeleteOrphansIt()
    {
        var group = await CreateAdminsGroupAsync();
        var dave = await UserIdAsync("dave@acme.test");
        await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{dave}}"}]}]}"""));

        await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim("""{"Operations":[{"op":"replace","value":{"id":"ignored","displayName":"renamed-admins"}}]}"""));
        Assert.Equal(Role.Admin, await AcmeRoleOfAsync("dave@acme.test"));
        Assert.Equal("renamed-admins", (await GetJsonAsync($"/scim/v2/Groups/{group}"))["displayName"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/scim/v2/Groups/{group}")).StatusCode);
        Assert.Equal(Role.User, await AcmeRoleOfAsync("dave@acme.test")); // still in the users group
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.GroupMappings.CountAsync(m => m.GroupExternalId == "ext-admins")); // orphaned, visible, not dropped
    }

    [Fact]
    public async Task ParallelAdds_ToOneGroup_LoseNothing()
    {
        var group = await CreateAdminsGroupAsync();
        var ids = new List<string>();
        foreach (var email in new[] { "alice@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "frank@acme.test", "gina@acme.test", "ivan@acme.test", "bob@acme.test" })
        {
            ids.Add(await UserIdAsync(email));
        }

        var responses = await Task.WhenAll(ids.Select(id =>
            _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"},{"value":"{{ids[0]}}"}]}]}"""))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var members = (await GetJsonAsync($"/scim/v2/Groups/{group}"))["members"]!.AsArray();
        Assert.Equal(8, members.Count);
    }

    [Fact]
    public async Task Post_DuplicateDisplayNameAnyCase_409()
    {
        await CreateAdminsGroupAsync();

        var duplicate = await _client.PostAsync("/scim/v2/Groups", Scim("""{"displayName":"SCIM-ADMINS"}"""));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("uniqueness", JsonNode.Parse(await duplicate.Content.ReadAsStringAsync())!["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_FilterByDisplayNameAndExcludeMembers()
    {
        var found = await GetJsonAsync("/scim/v2/Groups?filter=displayName eq \"anthropic-claude-users\"&excludedAttributes=members");
        var withMembers = await GetJsonAsync("/scim/v2/Groups?filter=displayName eq \"anthropic-claude-users\"");

        Assert.Equal(1, found["totalResults"]!.GetValue<int>());
        Assert.Null(found["Resources"]![0]!["members"]);
        Assert.Equal(5, withMembers["Resources"]![0]!["members"]!.AsArray().Count);
    }

    [Fact]
    public async Task Patch_MemberThatIsNotAUser_400AndNothingApplied()
    {
        var group = await CreateAdminsGroupAsync();
        var carol = await UserIdAsync("carol@acme.test");

        var response = await _client.PatchAsync($"/scim/v2/Groups/{group}", Scim($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{carol}}"},{"value":"not-a-user"}]}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Role.User, await AcmeRoleOfAsync("carol@acme.test"));
    }
}
