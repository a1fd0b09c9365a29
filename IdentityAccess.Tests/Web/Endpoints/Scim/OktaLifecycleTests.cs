using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>Okta's provisioning life cycle replayed: it PUTs whole users, sends passwords, and renames groups path-less.</summary>
public sealed class OktaLifecycleTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private HttpClient _okta = default!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        var saved = await _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>().SaveAsync(_portal.Demo.AcmeChat,
            ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim }, _portal.Demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
        Guid acme;
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        }

        var (token, _) = await _portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(acme, new AuditActor(null, "test"));
        _okta = _portal.CreateClient();
        _okta.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string OktaUser(bool active) => $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"olivia@acme.test",
         "name":{"givenName":"Olivia","familyName":"Okta"},"emails":[{"primary":true,"value":"olivia@acme.test","type":"work"}],
         "displayName":"Olivia Okta","locale":"en-US","externalId":"00u1okta","groups":[],"password":"Sup3r-secret!","active":{{(active ? "true" : "false")}}}
        """;

    private async Task<MembershipStatus?> OliviaAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == _portal.Demo.AcmeChat && m.Person!.Email == "olivia@acme.test")
            .Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task OktaLifecycle_UsersAndGroups_MembershipsFollowAndNoPasswordIsKept()
    {
        // Test connection, then the existence check Okta makes before creating.
        Assert.Equal(HttpStatusCode.OK, (await _okta.GetAsync("/scim/v2/Users?startIndex=1&count=1")).StatusCode);
        var lookup = JsonNode.Parse(await _okta.GetStringAsync("/scim/v2/Users?filter=userName%20eq%20%22olivia%40acme.test%22&startIndex=1&count=100"))!;
        Assert.Equal(0, lookup["totalResults"]!.GetValue<int>());

        var created = await _okta.PostAsync("/scim/v2/Users", Json(OktaUser(active: true)));
        var body = await created.Content.ReadAsStringAsync();
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain("Sup3r-secret", body, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Active, await OliviaAsync());

        // Okta deactivates and reactivates with a full PUT.
        Assert.Equal(HttpStatusCode.OK, (await _okta.PutAsync($"/scim/v2/Users/{id}", Json(OktaUser(active: false)))).StatusCode);
        Assert.Equal(MembershipStatus.Suspended, await OliviaAsync());
        await _okta.PutAsync($"/scim/v2/Users/{id}", Json(OktaUser(active: true)));
        Assert.Equal(MembershipStatus.Active, await OliviaAsync());

        // Push groups: create empty, PUT members, rename path-less with the id in the value, remove by filter.
        var group = JsonNode.Parse(await (await _okta.PostAsync("/scim/v2/Groups", Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Okta Everyone","members":[]}"""))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await _okta.PutAsync($"/scim/v2/Groups/{group}", Json($$"""{"displayName":"Okta Everyone","members":[{"value":"{{id}}","display":"olivia@acme.test"}]}"""));
        await _okta.PatchAsync($"/scim/v2/Groups/{group}", Json($$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{{{group}}}","displayName":"Okta All Staff"}}]}"""));
        var renamed = JsonNode.Parse(await _okta.GetStringAsync($"/scim/v2/Groups/{group}"))!;
        Assert.Equal("Okta All Staff", renamed["displayName"]!.GetValue<string>());
        Assert.Single(renamed["members"]!.AsArray());

        await _okta.PatchAsync($"/scim/v2/Groups/{group}", Json($$$"""{"Operations":[{"op":"remove","path":"members[value eq \"{{{id}}}\"]"}]}"""));
        Assert.Empty(JsonNode.Parse(await _okta.GetStringAsync($"/scim/v2/Groups/{group}"))!["members"]!.AsArray());

        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.DoesNotContain("Sup3r-secret", (await db.DirectoryUsers.SingleAsync(u => u.UserName == "olivia@acme.test")).ScimDocument!, StringComparison.Ordinal);
    }
}
