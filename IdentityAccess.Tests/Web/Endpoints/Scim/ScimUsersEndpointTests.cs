using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>The SCIM Users endpoint as Entra ID drives it, from the Acme parent's token, with Acme's chat org in SCIM mode.</summary>
public sealed class ScimUsersEndpointTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private HttpClient _client = default!;
    private Guid _acme;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            _acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        }

        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = await settings.SaveAsync(_portal.Demo.AcmeChat, ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim },
            _portal.Demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
        _client = await ClientForAsync(_acme);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private async Task<HttpClient> ClientForAsync(Guid parentId)
    {
        var (token, _) = await _portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(null, "test"));
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
        return client;
    }

    private static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private const string EntraUser = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"0f1e-zed","userName":"Zed@Acme.test","active":true,"displayName":"Zed Zimmer",
         "emails":[{"primary":true,"type":"work","value":"zed@acme.test"}],"meta":{"resourceType":"User"},
         "name":{"formatted":"Zed Zimmer","familyName":"Zimmer","givenName":"Zed"},"roles":[],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"42","department":null}}
        """;

    private async Task<MembershipStatus?> ZedStatusAsync(Guid? organizationId = null)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var org = organizationId ?? _portal.Demo.AcmeChat;
        return await db.Memberships.Where(m => m.OrganizationId == org && m.Person!.NormalizedEmail == "ZED@ACME.TEST")
            .Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task EntraLifecycle_EveryOrganizationJoinedToTheParentUnderSync_FollowsTheDirectory()
    {
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var alice = _portal.Demo.Person("alice@acme.test");
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(_portal.Demo.AcmeConsole, draft, alice);
        Assert.Empty((await settings.SaveAsync(_portal.Demo.AcmeConsole, draft, alice, preview.AffectedOthers)).Errors);
        var both = new[] { _portal.Demo.AcmeChat, _portal.Demo.AcmeConsole };

        var id = (await BodyAsync(await _client.PostAsync("/scim/v2/Users", Scim(EntraUser))))["id"]!.GetValue<string>();
        foreach (var org in both)
        {
            Assert.Equal(MembershipStatus.Active, await ZedStatusAsync(org));
        }

        await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""{"Operations":[{"op":"Replace","path":"active","value":"False"}]}"""));
        foreach (var org in both)
        {
            Assert.Equal(MembershipStatus.Suspended, await ZedStatusAsync(org));
        }

        await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""{"Operations":[{"op":"replace","value":{"active":true}}]}"""));
        foreach (var org in both)
        {
            Assert.Equal(MembershipStatus.Active, await ZedStatusAsync(org));
        }

        await _client.DeleteAsync($"/scim/v2/Users/{id}");
        foreach (var org in both)
        {
            Assert.Equal(MembershipStatus.Removed, await ZedStatusAsync(org));
        }

        Assert.Null(await ZedStatusAsync(_portal.Demo.GlobexTeam)); // another parent's organization never sees this directory
    }

    [Fact]
    public async Task EntraLifecycle_CreateDeactivateReactivateDelete_MembershipFollows()
    {
        var created = await _client.PostAsync("/scim/v2/Users", Scim(EntraUser));
        var user = await BodyAsync(created);
        var id = user["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/scim+json", created.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"http://localhost/scim/v2/Users/{id}", created.Headers.Location!.ToString());
        Assert.Equal("User", user["meta"]!["resourceType"]!.GetValue<string>());
        Assert.Equal("42", user["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["employeeNumber"]!.GetValue<string>());
        Assert.Equal(MembershipStatus.Active, await ZedStatusAsync());

        var deactivate = await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}"""));
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.False((await BodyAsync(deactivate))["active"]!.GetValue<bool>());
        Assert.Equal(MembershipStatus.Suspended, await ZedStatusAsync());

        await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""{"Operations":[{"op":"replace","value":{"active":true}}]}"""));
        Assert.Equal(MembershipStatus.Active, await ZedStatusAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/scim/v2/Users/{id}")).StatusCode);
        Assert.Equal(MembershipStatus.Removed, await ZedStatusAsync());
        var gone = await _client.GetAsync($"/scim/v2/Users/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("404", (await BodyAsync(gone))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/scim/v2/Users/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/scim/v2/Users", Scim(EntraUser))).StatusCode); // clean re-create
        Assert.Equal(MembershipStatus.Active, await ZedStatusAsync());
    }

    [Fact]
    public async Task Post_SameUserNameInAnotherCase_409Uniqueness()
    {
        await _client.PostAsync("/scim/v2/Users", Scim(EntraUser));

        var duplicate = await _client.PostAsync("/scim/v2/Users", Scim("""{"userName":"ZED@ACME.TEST"}"""));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("uniqueness", (await BodyAsync(duplicate))["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ParallelCreatesWithDuplicateUserNames_ExactlyOne201PerPerson()
    {
        string[] people = ["p1@acme.test", "p2@acme.test", "p3@acme.test", "p4@acme.test"];
        var requests = people.SelectMany(p => new[] { p, p.ToUpperInvariant() }) // each person twice, in two cases
            .Select(userName => _client.PostAsync("/scim/v2/Users", Scim($$"""{"userName":"{{userName}}","active":true}""")));

        var responses = await Task.WhenAll(requests);

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(4, await db.Memberships.CountAsync(m => m.OrganizationId == _portal.Demo.AcmeChat && m.Person!.Email.StartsWith("p")
            && m.Status == MembershipStatus.Active));
    }

    [Fact]
    public async Task Filter_UserNameEqIgnoresCase_ExactNotPrefix()
    {
        var found = await BodyAsync(await _client.GetAsync("/scim/v2/Users?filter=userName+eq+%22ALICE@acme.test%22"));
        var prefix = await BodyAsync(await _client.GetAsync("/scim/v2/Users?filter=userName%20eq%20%22alice%22"));

        Assert.Equal(1, found["totalResults"]!.GetValue<int>());
        Assert.Equal("alice@acme.test", found["Resources"]![0]!["userName"]!.GetValue<string>());
        Assert.Equal(0, prefix["totalResults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("userName zz \"a\"")]
    [InlineData("nickName eq \"x\"")]
    [InlineData("userName eq")]
    public async Task Filter_Unsupported_400InvalidFilter(string filter)
    {
        var response = await _client.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidFilter", (await BodyAsync(response))["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_CountZeroAndPastTheEnd_ExactTotals()
    {
        var countOnly = await BodyAsync(await _client.GetAsync("/scim/v2/Users?count=0"));
        var past = await BodyAsync(await _client.GetAsync("/scim/v2/Users?startIndex=100&count=10"));
        var second = await BodyAsync(await _client.GetAsync("/scim/v2/Users?startIndex=3&count=2"));

        Assert.Equal(8, countOnly["totalResults"]!.GetValue<int>());
        Assert.Equal(0, countOnly["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(0, past["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(2, second["itemsPerPage"]!.GetValue<int>());
        Assert.Equal("carol@acme.test", second["Resources"]![0]!["userName"]!.GetValue<string>()); // creation order
    }

    [Theory]
    [InlineData(null)]
    [InlineData("non-token")]
    [InlineData("Bearer ia_scim_wrong")]
    public async Task AnyEndpoint_WithoutAValidToken_401ScimBody(string? authorization)
    {
        var client = _portal.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync("/scim/v2/Users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("401", (await BodyAsync(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenOfAnotherParent_CannotSeeOrChangeThisDirectory()
    {
        var acmeUser = (await BodyAsync(await _client.GetAsync("/scim/v2/Users?count=1")))["Resources"]![0]!["id"]!.GetValue<string>();
        Guid globex;
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            globex = await db.ParentOrganizations.Where(p => p.Name == "Globex").Select(p => p.Id).SingleAsync();
            // On a plan with directory sync, so the token is let in and only the directory boundary is tried.
            await db.ParentOrganizations.Where(p => p.Id == globex).ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, ParentPlan.Enterprise));
        }

        var globexClient = await ClientForAsync(globex);

        Assert.Equal(0, (await BodyAsync(await globexClient.GetAsync("/scim/v2/Users")))["totalResults"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await globexClient.GetAsync($"/scim/v2/Users/{acmeUser}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globexClient.DeleteAsync($"/scim/v2/Users/{acmeUser}")).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"displayName":"no userName"}""")]
    [InlineData("""{"userName":"x@acme.test","active":"maybe"}""")]
    public async Task Post_BadBody_400ScimError(string body)
    {
        var response = await _client.PostAsync("/scim/v2/Users", Scim(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("400", (await BodyAsync(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_EntraPathLessDottedAndFilteredPaths_AppliedAtomically()
    {
        var id = (await BodyAsync(await _client.PostAsync("/scim/v2/Users", Scim(EntraUser))))["id"]!.GetValue<string>();

        var patched = await BodyAsync(await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""
            {"Operations":[
              {"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0100"},
              {"op":"Replace","value":{"name.givenName":"Zeddy","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager":"mgr-1"}},
              {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"R&D"}]}
            """)));
        var failed = await _client.PatchAsync($"/scim/v2/Users/{id}", Scim("""{"Operations":[{"op":"Replace","path":"displayName","value":"Changed"},{"op":"Frobnicate","path":"x"}]}"""));

        Assert.Equal("+1 555 0100", patched["phoneNumbers"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("Zeddy", patched["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("mgr-1", patched["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["manager"]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal("Zed Zimmer", (await BodyAsync(await _client.GetAsync($"/scim/v2/Users/{id}")))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discovery_DeclaresPatchFilterAndBearerAuth()
    {
        var config = await BodyAsync(await _client.GetAsync("/scim/v2/ServiceProviderConfig"));
        var unknown = await _client.GetAsync("/scim/v2/Nope");

        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.Equal("oauthbearertoken", config["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/scim+json", unknown.Content.Headers.ContentType!.MediaType);
    }
}
