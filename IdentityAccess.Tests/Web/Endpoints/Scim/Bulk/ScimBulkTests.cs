using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Bulk;

/// <summary>/Bulk (RFC 7644 §3.7) on each database provider, from Acme's token, with Acme's chat organization in SCIM mode.</summary>
/// <remarks>
/// The class shares one app (<see cref="ScimBulkPortal"/>); each test is a directory of its own (<see cref="OwnScimDirectory"/>),
/// its bodies and addresses written for acme.test and moved to its domain by <c>Here</c>, its log rows its parent's.
/// </remarks>
public abstract class ScimBulkTests(PortalFixture portal) : IAsyncLifetime
{
    private const int MaxOperations = ScimBulkPortal.MaxOperations;
    private AcmeScimDirectory _acme = default!;

    public async Task InitializeAsync() => _acme = await OwnScimDirectory.StartAsync(portal);

    public Task DisposeAsync() => Task.CompletedTask;

    private string Here(string text) => _acme.Here(text);

    private static string Bulk(string operations, int? failOnErrors = null) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],{{(failOnErrors is { } n ? $"\"failOnErrors\":{n}," : "")}}"Operations":[{{operations}}]}""";

    private static string CreateUser(string bulkId, string userName) =>
        $$$"""{"method":"POST","path":"/Users","bulkId":"{{{bulkId}}}","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{userName}}}","active":true}}""";

    private async Task<JsonArray> PostBulkAsync(HttpClient client, string body)
    {
        var response = await client.PostAsync("/scim/v2/Bulk", AcmeScimDirectory.Scim(Here(body)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await AcmeScimDirectory.BodyAsync(response);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:BulkResponse", json["schemas"]![0]!.GetValue<string>());
        return json["Operations"]!.AsArray();
    }

    private static string[] Statuses(JsonArray operations) => [.. operations.Select(o => o!["status"]!.GetValue<string>())];

    private async Task<bool> DirectoryUserExistsAsync(string userName)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.DirectoryUsers.AnyAsync(u => u.NormalizedUserName == Here(userName).ToUpperInvariant());
    }

    [Fact]
    public async Task UsersAndAGroupReferencingThemByBulkId_EvenBeforeTheyAreCreated_AllApplied_EachLogged()
    {
        var operations = await PostBulkAsync(_acme.Client, Bulk(string.Join(",",
            """{"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"bulk-eng","members":[{"value":"bulkId:u1"},{"value":"bulkId:u2"}]}}""",
            """{"method":"PATCH","path":"/Users/bulkId:u1","data":{"Operations":[{"op":"replace","path":"displayName","value":"Uma Bulk"}]}}""",
            CreateUser("u1", "uma@acme.test"),
            CreateUser("u2", "ulf@acme.test"))));

        Assert.Equal(["201", "200", "201", "201"], Statuses(operations)); // request order
        Assert.Equal(["g", null, "u1", "u2"], operations.Select(o => o!["bulkId"]?.GetValue<string>()));
        var groupLocation = operations[0]!["location"]!.GetValue<string>();
        var group = await AcmeScimDirectory.BodyAsync(await _acme.Client.GetAsync(groupLocation));
        var userIds = new[] { 2, 3 }.Select(i => operations[i]!["location"]!.GetValue<string>().Split('/')[^1]).ToList();
        Assert.Equal(userIds.Order(), group["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Order());
        Assert.Equal("Uma Bulk", (await AcmeScimDirectory.BodyAsync(await _acme.Client.GetAsync(operations[2]!["location"]!.GetValue<string>())))["displayName"]!.GetValue<string>());

        await portal.Factory.Services.FlushProvisioningLogAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        var log = await db.ProvisioningLog.Where(e => e.ParentOrganizationId == _acme.ParentId && e.Method != "GET").OrderBy(e => e.Id).ToListAsync(); // not the checks' reads
        Assert.Equal(5, log.Count); // one row per operation, then the Bulk request's own
        Assert.StartsWith(Here("Created user uma@acme.test"), log.Single(e => e.Path == "/scim/v2/Users" && e.Summary!.Contains("uma", StringComparison.Ordinal)).Summary, StringComparison.Ordinal);
        Assert.Contains(log, e => e.Method == "PATCH" && e.Path == $"/scim/v2/Users/{userIds[0]}" && e.Status == 200);
        Assert.Equal(("POST", "/scim/v2/Bulk", 200), (log[^1].Method, log[^1].Path, log[^1].Status));
        Assert.Equal("Bulk: 4 operations, 4 succeeded, 0 failed", log[^1].Summary);
    }

    [Fact]
    public async Task FailOnErrors_StopsAfterThatManyErrors_TheRestNotRun()
    {
        var operations = await PostBulkAsync(_acme.Client, Bulk(string.Join(",",
            """{"method":"POST","path":"/Users","bulkId":"bad1","data":{"displayName":"no userName"}}""",
            CreateUser("ok1", "oona@acme.test"),
            """{"method":"DELETE","path":"/Users/9a3e1c2d-0000-4000-8000-000000000000"}""",
            CreateUser("ok2", "otto@acme.test")), failOnErrors: 2));

        Assert.Equal(["400", "201", "404"], Statuses(operations));
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", operations[0]!["response"]!["schemas"]![0]!.GetValue<string>());
        Assert.Equal("404", operations[2]!["response"]!["status"]!.GetValue<string>());
        Assert.True(await DirectoryUserExistsAsync("oona@acme.test"));
        Assert.False(await DirectoryUserExistsAsync("otto@acme.test"));
    }

    [Fact]
    public async Task MoreThanMaxOperations_413TooMany_NothingRun()
    {
        var response = await _acme.Client.PostAsync("/scim/v2/Bulk", AcmeScimDirectory.Scim(Here(Bulk(string.Join(",",
            Enumerable.Range(0, MaxOperations + 1).Select(i => CreateUser($"b{i}", $"many{i}@acme.test")))))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await AcmeScimDirectory.BodyAsync(response);
        Assert.Equal(("413", "tooMany"), (error["status"]!.GetValue<string>(), error["scimType"]!.GetValue<string>()));
        Assert.False(await DirectoryUserExistsAsync("many0@acme.test"));
    }

    [Fact]
    public async Task AnotherParentsUser_ThatOperation404_NothingChangedThere_OthersApply()
    {
        Guid globex;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            globex = await db.ParentOrganizations.Where(p => p.Name == "Globex").Select(p => p.Id).SingleAsync();
            await db.ParentOrganizations.Where(p => p.Id == globex).ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, ParentPlan.Enterprise));
        }

        var globexClient = await AcmeScimDirectory.ClientForAsync(portal, globex);
        var created = await globexClient.PostAsync("/scim/v2/Users", AcmeScimDirectory.Scim("""{"userName":"ivy@globex.test","displayName":"Ivy","active":true}"""));
        var ivy = (await AcmeScimDirectory.BodyAsync(created))["id"]!.GetValue<string>();

        var operations = await PostBulkAsync(_acme.Client, Bulk(string.Join(",",
            $$$"""{"method":"PATCH","path":"/Users/{{{ivy}}}","data":{"Operations":[{"op":"replace","path":"active","value":false}]}}""",
            $$$"""{"method":"PUT","path":"/Users/{{{ivy}}}","data":{"userName":"ivy@acme.test","displayName":"Taken"}}""",
            $$"""{"method":"DELETE","path":"/Users/{{ivy}}"}""",
            CreateUser("mine", "mona@acme.test"))));

        Assert.Equal(["404", "404", "404", "201"], Statuses(operations));
        var after = await AcmeScimDirectory.BodyAsync(await globexClient.GetAsync($"/scim/v2/Users/{ivy}"));
        Assert.Equal(("Ivy", true, "ivy@globex.test"), (after["displayName"]!.GetValue<string>(), after["active"]!.GetValue<bool>(), after["userName"]!.GetValue<string>()));
        Assert.True(await DirectoryUserExistsAsync("mona@acme.test"));
    }

    [Fact]
    public async Task ForeignDomainEmail_ThatOperation400_OthersApply()
    {
        var operations = await PostBulkAsync(_acme.Client, Bulk(string.Join(",",
            CreateUser("a", "abe@acme.test"),
            """{"method":"POST","path":"/Users","bulkId":"x","data":{"userName":"eve@evil.test","emails":[{"value":"eve@evil.test","primary":true}]}}""",
            CreateUser("b", "bea@acme.test"))));

        Assert.Equal(["201", "400", "201"], Statuses(operations));
        Assert.Contains("evil.test", operations[1]!["response"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(await DirectoryUserExistsAsync("eve@evil.test"));
        Assert.True(await DirectoryUserExistsAsync("abe@acme.test") && await DirectoryUserExistsAsync("bea@acme.test"));
    }

    [Fact]
    public async Task UnknownFailedAndCircularReferences_EachTheirOwnError()
    {
        var operations = await PostBulkAsync(_acme.Client, Bulk(string.Join(",",
            """{"method":"POST","path":"/Groups","bulkId":"g1","data":{"displayName":"ring-1","members":[{"value":"bulkId:g2"}]}}""",
            """{"method":"POST","path":"/Groups","bulkId":"g2","data":{"displayName":"ring-2","members":[{"value":"bulkId:g1"}]}}""",
            """{"method":"PATCH","path":"/Users/bulkId:nobody","data":{"Operations":[{"op":"replace","path":"active","value":false}]}}""",
            """{"method":"POST","path":"/Users","bulkId":"broken","data":{"userName":"nope@evil.test"}}""",
            """{"method":"POST","path":"/Groups","bulkId":"g3","data":{"displayName":"after-broken","members":[{"value":"bulkId:broken"}]}}""",
            """{"method":"POST","path":"/Users","bulkId":"broken","data":{"userName":"twice@acme.test"}}""")));

        Assert.Equal(["409", "409", "400", "400", "409", "400"], Statuses(operations));
        Assert.Contains("circular", operations[0]!["response"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'nobody'", operations[2]!["response"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("failed", operations[4]!["response"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("used by an earlier operation", operations[5]!["response"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.DirectoryGroups.AnyAsync(g => g.DisplayName.StartsWith("ring") || g.DisplayName == "after-broken"));
        Assert.False(await DirectoryUserExistsAsync("twice@acme.test"));
    }

    [Theory]
    [InlineData("""{"Operations":[]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"x@acme.test"}}],"failOnErrors":0}""", "invalidValue")]
    [InlineData("[1]", "invalidSyntax")]
    public async Task MalformedBulkRequest_400(string body, string scimType)
    {
        var response = await _acme.Client.PostAsync("/scim/v2/Bulk", AcmeScimDirectory.Scim(Here(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(scimType, (await AcmeScimDirectory.BodyAsync(response))["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedOperations_EachItsOwn400()
    {
        var operations = await PostBulkAsync(_acme.Client, Bulk(string.Join(",",
            """{"method":"GET","path":"/Users"}""",
            """{"method":"POST","path":"/Widgets","bulkId":"w","data":{}}""",
            """{"method":"POST","path":"/Users","data":{"userName":"nobulkid@acme.test"}}""",
            """{"method":"PUT","path":"/Users","data":{"userName":"noid@acme.test"}}""",
            """{"method":"PATCH","path":"/Groups/9a3e1c2d-0000-4000-8000-000000000000"}""",
            "42")));

        Assert.Equal(["400", "400", "400", "400", "400", "400"], Statuses(operations));
        Assert.False(await DirectoryUserExistsAsync("nobulkid@acme.test"));
    }
}

public sealed class SqliteScimBulkTests(ScimBulkPortal.Sqlite portal) : ScimBulkTests(portal), IClassFixture<ScimBulkPortal.Sqlite>;

[Trait("Category", "Postgres")]
public sealed class PostgresScimBulkTests(ScimBulkPortal.Postgres portal) : ScimBulkTests(portal), IClassFixture<ScimBulkPortal.Postgres>;
