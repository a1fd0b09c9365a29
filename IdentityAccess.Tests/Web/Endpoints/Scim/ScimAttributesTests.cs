using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>RFC 7644 §3.4.2.5 attributes / excludedAttributes on Users and Groups GET, single and list.</summary>
public sealed class ScimAttributesTests : IAsyncLifetime
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private readonly SqlitePortalFixture _portal = new();
    private HttpClient _client = default!;
    private string _zed = "";

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
        _client = _portal.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
        var created = await _client.PostAsync("/scim/v2/Users", new StringContent($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Enterprise}}}"],"externalId":"0f1e-zed","userName":"zed@acme.test",
             "displayName":"Zed Zimmer","active":true,"name":{"givenName":"Zed","familyName":"Zimmer"},
             "emails":[{"primary":true,"type":"work","value":"zed@acme.test"},{"type":"home","value":"zed@home.test"}],
             "{{{Enterprise}}}":{"employeeNumber":"42","department":"R&D"}}
            """, Encoding.UTF8, "application/scim+json"));
        _zed = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private async Task<JsonObject> GetAsync(string url) => JsonNode.Parse(await _client.GetStringAsync(url))!.AsObject();

    private static string[] Keys(JsonNode? node) => [.. node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task User_Attributes_OnlyThoseAndTheAlwaysReturnedOnes()
    {
        var user = await GetAsync($"/scim/v2/Users/{_zed}?attributes=userName");

        Assert.Equal(["id", "meta", "schemas", "userName"], Keys(user));
    }

    [Fact]
    public async Task User_Attributes_SubAttributesOfComplexAndMultiValued()
    {
        var user = await GetAsync($"/scim/v2/Users/{_zed}?attributes=name.givenName,EMAILS.value");

        Assert.Equal(["givenName"], Keys(user["name"]));
        Assert.Equal(["zed@acme.test", "zed@home.test"], user["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
        Assert.All(user["emails"]!.AsArray(), e => Assert.Equal(["value"], Keys(e)));
    }

    [Fact]
    public async Task User_Attributes_UrnQualified_CoreAndExtension()
    {
        var user = await GetAsync($"/scim/v2/Users/{_zed}?attributes=urn:ietf:params:scim:schemas:core:2.0:User:displayName,{Enterprise}:employeeNumber");

        Assert.Equal(["displayName", "id", "meta", "schemas", Enterprise], Keys(user));
        Assert.Equal(["employeeNumber"], Keys(user[Enterprise]));
    }

    [Fact]
    public async Task User_ExcludedAttributes_DropsThem_NeverIdSchemasOrMeta()
    {
        var user = await GetAsync($"/scim/v2/Users/{_zed}?excludedAttributes=emails,name.familyName,{Enterprise},id,meta,schemas");

        Assert.Null(user["emails"]);
        Assert.Null(user[Enterprise]);
        Assert.Equal(["givenName"], Keys(user["name"]));
        Assert.Equal(_zed, user["id"]!.GetValue<string>());
        Assert.NotNull(user["meta"]);
        Assert.NotNull(user["schemas"]);
        Assert.Equal("zed@acme.test", user["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserList_Attributes_AppliedToEachResource_EnvelopeIntact()
    {
        var list = await GetAsync("/scim/v2/Users?attributes=userName&count=3");

        Assert.Equal(3, list["itemsPerPage"]!.GetValue<int>());
        Assert.True(list["totalResults"]!.GetValue<int>() > 3);
        Assert.All(list["Resources"]!.AsArray(), r => Assert.Equal(["id", "meta", "schemas", "userName"], Keys(r)));
    }

    [Fact]
    public async Task Groups_AttributesWithoutMembers_OrExcluded_ReturnNoMembers()
    {
        var named = await GetAsync("/scim/v2/Groups?filter=displayName eq \"anthropic-claude-users\"&attributes=displayName");
        var id = named["Resources"]![0]!["id"]!.GetValue<string>();
        var excluded = await GetAsync($"/scim/v2/Groups/{id}?excludedAttributes=members");
        var memberIds = await GetAsync($"/scim/v2/Groups/{id}?attributes=members.value");

        Assert.Equal(["displayName", "id", "meta", "schemas"], Keys(named["Resources"]![0]));
        Assert.Null(excluded["members"]);
        Assert.Equal("anthropic-claude-users", excluded["displayName"]!.GetValue<string>());
        Assert.Equal(5, memberIds["members"]!.AsArray().Count);
        Assert.All(memberIds["members"]!.AsArray(), m => Assert.Equal(["value"], Keys(m)));
        Assert.Null(memberIds["displayName"]);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "members", false)]
    [InlineData(null, "Members , displayName", false)]
    [InlineData(null, "members.display", true)]                  // members still returned, less one sub-attribute
    [InlineData("displayName", null, false)]
    [InlineData("displayName,members.value", null, true)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members", null, true)]
    [InlineData("members", "members", false)]
    public void Returns_Members_OnlyLoadedWhenReturned(string? attributes, string? excluded, bool loaded) =>
        Assert.Equal(loaded, ScimAttributeSelection.Parse(attributes, excluded, ScimSchemas.Group).Returns("members"));

    [Fact]
    public async Task Schemas_AdvertiseSubAttributesAndDirectUserMembers()
    {
        var schemas = await GetAsync("/scim/v2/Schemas");

        var group = schemas["Resources"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == ScimSchemas.Group)!;
        var members = group["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "members")!;
        var type = members["subAttributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "type")!;
        Assert.Equal(["User"], type["canonicalValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        var user = schemas["Resources"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == ScimSchemas.User)!;
        var name = user["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "name")!;
        Assert.Contains("givenName", name["subAttributes"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
    }
}
