using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.Tests.TestSupport;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Query;

/// <summary>
/// RFC 7644 §3.5.2 PATCH paths on Users and Groups: simple, sub-attribute, URN-qualified, value-filtered (with the
/// filter parser, evaluated in memory), path-less objects, add appending to multi-valued attributes, noTarget for a
/// remove that matches nothing, invalidPath for a path that is not one.
/// </summary>
/// <remarks>
/// The class shares one app; each test patches its own Zed in a directory of its own (<see cref="OwnScimDirectory"/>),
/// the addresses written for acme.test and moved to its domain by <c>Here</c>.
/// </remarks>
public sealed class ScimPatchPathTests(SqlitePortalFixture portal) : IAsyncLifetime, IClassFixture<SqlitePortalFixture>
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private AcmeScimDirectory _acme = default!;
    private Guid _zed;

    public async Task InitializeAsync()
    {
        _acme = await OwnScimDirectory.StartAsync(portal);
        var created = await _acme.PostAsync(Here("""
            {"userName":"zed@acme.test","name":{"givenName":"Zed","familyName":"Zimmer"},
             "emails":[{"type":"work","value":"zed@acme.test"},{"type":"home","value":"zed@home.test"}]}
            """));
        _zed = Guid.Parse((await BodyAsync(created))["id"]!.GetValue<string>());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Here(string text) => _acme.Here(text);

    private async Task<(HttpStatusCode Status, JsonObject Body)> PatchAsync(params string[] operations)
    {
        var response = await _acme.PatchAsync(_zed, $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{string.Join(",", operations)}}]}""");
        return (response.StatusCode, await BodyAsync(response));
    }

    private static string[] Values(JsonNode? array, string field) => [.. array!.AsArray().Select(e => e![field]?.GetValue<string>() ?? "")];

    [Fact]
    public async Task SubAttribute_ReplacesOnlyIt_AndItsColumnFollowsForFilters()
    {
        var (status, user) = await PatchAsync("""{"op":"replace","path":"name.givenName","value":"Zebedee"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Zebedee", "Zimmer"), (user["name"]!["givenName"]!.GetValue<string>(), user["name"]!["familyName"]!.GetValue<string>()));
        var found = await BodyAsync(await _acme.Client.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString("name.givenName eq \"zebedee\"")));
        Assert.Equal(1, found["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task UrnQualified_ExtensionAttributeSubAttributeAndBareManagerId()
    {
        var (status, user) = await PatchAsync(
            $$"""{"op":"add","path":"{{Enterprise}}:department","value":"Ops"}""",
            $$"""{"op":"Add","path":"{{Enterprise}}:manager","value":"m-1"}""",
            $$"""{"op":"replace","path":"{{Enterprise}}:manager.displayName","value":"Mia"}""",
            """{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:title","value":"Lead"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ops", user[Enterprise]!["department"]!.GetValue<string>());
        Assert.Equal(("m-1", "Mia"), (user[Enterprise]!["manager"]!["value"]!.GetValue<string>(), user[Enterprise]!["manager"]!["displayName"]!.GetValue<string>()));
        Assert.Equal("Lead", user["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValueFiltered_ReplaceChangesTheMatch_AddCreatesAMissingEntryOnce()
    {
        var (status, user) = await PatchAsync(
            """{"op":"replace","path":"emails[type eq \"home\"].value","value":"zed@elsewhere.test"}""",
            """{"op":"add","path":"addresses[type eq \"work\"].formatted","value":"1 Main St"}""",
            """{"op":"Replace","path":"addresses[type eq \"work\"].formatted","value":"2 Main St"}""",
            Here("""{"op":"replace","path":"emails[type eq \"work\" and value ew \"@acme.test\"]","value":{"primary":true}}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Here("zed@acme.test"), "zed@elsewhere.test"], Values(user["emails"], "value"));
        Assert.True(user["emails"]![0]!["primary"]!.GetValue<bool>());
        Assert.Equal(["2 Main St"], Values(user["addresses"], "formatted"));
        Assert.Equal(["work"], Values(user["addresses"], "type"));
    }

    [Fact]
    public async Task ValueFiltered_RemoveTheMatch_ThenAgain400NoTarget_AndNothingApplied()
    {
        var (removed, user) = await PatchAsync("""{"op":"remove","path":"emails[type eq \"home\"]"}""");
        var (again, error) = await PatchAsync(
            """{"op":"replace","path":"displayName","value":"Not Applied"}""",
            """{"op":"remove","path":"emails[type eq \"home\"]"}""");

        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Equal(["work"], Values(user["emails"], "type"));
        Assert.Equal((HttpStatusCode.BadRequest, "noTarget"), (again, error["scimType"]!.GetValue<string>()));
        var read = await BodyAsync(await _acme.Client.GetAsync($"/scim/v2/Users/{_zed}"));
        Assert.Null(read["displayName"]);
    }

    [Theory]
    [InlineData("emails[type eq \\\"work\\\"", "invalidPath")]
    [InlineData("name..givenName", "invalidPath")]
    [InlineData("emails[type eq \\\"work\\\"].value.extra", "invalidPath")]
    [InlineData("1abc", "invalidPath")]
    [InlineData("name.givenName[value eq \\\"x\\\"]", "invalidPath")]
    public async Task InvalidPath_400InvalidPath(string path, string scimType)
    {
        var (status, error) = await PatchAsync($$"""{"op":"replace","path":"{{path}}","value":"x"}""");

        Assert.Equal((HttpStatusCode.BadRequest, scimType), (status, error["scimType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PathLess_DottedAndUrnKeys_AndAddAppendsToMultiValued()
    {
        var (status, user) = await PatchAsync(
            $$$"""{"op":"replace","value":{"name.familyName":"Zed-Zimmer","{{{Enterprise}}}:department":"R&D","displayName":"Zed Z"}}""",
            """{"op":"add","path":"phoneNumbers","value":[{"type":"work","value":"+1 555"}]}""",
            """{"op":"add","path":"phoneNumbers","value":[{"type":"mobile","value":"+1 556"},{"type":"work","value":"+1 555"}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Zed", "Zed-Zimmer"), (user["name"]!["givenName"]!.GetValue<string>(), user["name"]!["familyName"]!.GetValue<string>()));
        Assert.Equal("R&D", user[Enterprise]!["department"]!.GetValue<string>());
        Assert.Equal(["work", "mobile"], Values(user["phoneNumbers"], "type"));
    }

    [Fact]
    public async Task Group_FilteredMembers_RemoveReplaceAndNoTarget_UrnRename()
    {
        var bob = Guid.Parse((await BodyAsync(await _acme.PostAsync(Here("""{"userName":"paths-bob@acme.test"}"""))))["id"]!.GetValue<string>());
        var group = (await BodyAsync(await _acme.Client.PostAsync("/scim/v2/Groups",
            AcmeScimDirectory.Scim($$"""{"displayName":"Paths","members":[{"value":"{{_zed}}"}]}"""))))["id"]!.GetValue<string>();
        Task<HttpResponseMessage> Patch(string op) => _acme.Client.PatchAsync($"/scim/v2/Groups/{group}", AcmeScimDirectory.Scim($$"""{"Operations":[{{op}}]}"""));

        var replaced = await Patch($$"""{"op":"replace","path":"members[value eq \"{{_zed}}\"]","value":[{"value":"{{bob}}"}]}""");
        var former = await Patch($$"""{"op":"remove","path":"members[value eq \"{{_zed}}\"]"}"""); // IdPs retry removals
        var missing = await Patch($$"""{"op":"remove","path":"members[not (value eq \"{{bob}}\")]"}""");
        var byDisplay = await Patch("""{"op":"remove","path":"members[display eq \"Zed\"]"}""");
        var renamed = await Patch("""{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:Group:displayName","value":"Paths 2"}""");
        var read = await BodyAsync(await _acme.Client.GetAsync($"/scim/v2/Groups/{group}"));

        Assert.Equal(HttpStatusCode.NoContent, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, former.StatusCode);
        Assert.Equal("noTarget", (await BodyAsync(missing))["scimType"]!.GetValue<string>());
        Assert.Equal("invalidPath", (await BodyAsync(byDisplay))["scimType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);
        Assert.Equal("Paths 2", read["displayName"]!.GetValue<string>());
        Assert.Equal([bob.ToString()], Values(read["members"], "value"));
    }
}
