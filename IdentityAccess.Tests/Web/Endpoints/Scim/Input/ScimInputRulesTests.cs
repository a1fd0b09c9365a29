using System.Net;
using System.Text;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Input;

/// <summary>
/// The SCIM input rules through Acme's directory token: every refusal is a SCIM 400/409/413 naming the attribute (or the
/// existing id), and leaves the directory as it was. Runs on SQLite and PostgreSQL (uniqueness is backed by indexes).
/// The class shares one app (<see cref="ScimInputRulesPortal"/>); each test writes as a directory of its own
/// (<see cref="OwnScimDirectory"/>), its addresses written for acme.test and moved to its domain by <c>Here</c>.
/// </summary>
public abstract class ScimInputRulesTests(PortalFixture portal) : IAsyncLifetime
{
    private AcmeScimDirectory _acme = default!;

    public async Task InitializeAsync() => _acme = await OwnScimDirectory.StartAsync(portal);

    public Task DisposeAsync() => Task.CompletedTask;

    private string Here(string text) => _acme.Here(text);

    private string User(string userName, string? externalId = null, string extra = "") => Here(
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"{{(externalId is null ? "" : $",\"externalId\":\"{externalId}\"")}}{{extra}}}""");

    private async Task<string> DirectoryFingerprintAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var users = await db.DirectoryUsers.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => $"{u.Id}|{u.ParentOrganizationId}|{u.UserName}|{u.ExternalId}|{u.DisplayName}|{u.Email}|{u.Active}|{u.ScimDocument}|{u.UpdatedAt}").ToListAsync();
        var groups = await db.DirectoryGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => $"{g.Id}|{g.DisplayName}|{g.ExternalId}|{g.UpdatedAt}").ToListAsync();
        return string.Join("\n", users.Concat(groups)) + $"\n{await db.DirectoryGroupMembers.CountAsync()}|{await db.People.CountAsync()}|{await db.Memberships.CountAsync()}";
    }

    private async Task<string> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? scimType)
    {
        var before = await DirectoryFingerprintAsync();
        var response = await send();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        var error = await BodyAsync(response);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error["status"]!.GetValue<string>());
        Assert.Equal(scimType, error["scimType"]?.GetValue<string>());
        Assert.Equal(before, await DirectoryFingerprintAsync());
        return error["detail"]!.GetValue<string>();
    }

    private async Task<Guid> CreatedIdAsync(string json)
    {
        var response = await _acme.PostAsync(json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await BodyAsync(response))["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"userName":"zed@acme.test","displayName":"\ud800"}""")] // escaped lone surrogate
    [InlineData("""{"userName":"zed@acme.test","name":{"givenName":"Z\udfffed"}}""")]
    [InlineData("""{"userName":"zed@acme.test","\ud800":"x"}""")]
    [InlineData("""{"userName":"zed@acme.test","USERNAME":"other@acme.test"}""")] // one attribute twice, in another case
    [InlineData("""{"userName":"zed@acme.test""")]
    [InlineData("""[{"userName":"zed@acme.test"}]""")]
    public async Task Post_UnreadableBody_400InvalidSyntax_NothingStored(string json) =>
        await RefusedAsync(() => _acme.PostAsync(Here(json)), HttpStatusCode.BadRequest, "invalidSyntax");

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a raw UTF-16 surrogate encoded as UTF-8 (CESU)
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    public async Task Post_InvalidUtf8InAName_400InvalidSyntax_NothingStored(byte[] bad)
    {
        byte[] body = [.. Encoding.UTF8.GetBytes(Here("""{"userName":"zed@acme.test","displayName":"Z""")), .. bad, .. Encoding.UTF8.GetBytes("\"}")];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/scim+json");
        await RefusedAsync(() => _acme.Client.PostAsync("/scim/v2/Users", content), HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Theory]
    [InlineData("zed\u200B@acme.test", "userName")]
    [InlineData("zed\u202E@acme.test", "userName")]
    [InlineData("zed\u2066@acme.test", "userName")]
    [InlineData("zed\u0007@acme.test", "userName")]
    [InlineData("zed\uFEFF@acme.test", "userName")]
    public async Task Post_InvisibleCharacterInUserName_400InvalidValueNamingIt(string userName, string attribute)
    {
        var detail = await RefusedAsync(() => _acme.PostAsync(System.Text.Json.JsonSerializer.Serialize(new { userName = Here(userName) })), HttpStatusCode.BadRequest, "invalidValue");
        Assert.StartsWith(attribute, detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""", "emails":[{"value":"zed\u200d@acme.test"}]""", "emails[0].value")]
    [InlineData(""", "emails":[{"value":"zed.acme.test"}]""", "emails[0].value")]
    [InlineData(""", "emails":[{"value":"  "}]""", "emails[0].value")]
    [InlineData(""", "emails":{"value":"zed@acme.test"}""", "emails")]
    [InlineData(""", "emails":["zed@acme.test"]""", "emails[0]")]
    [InlineData(""", "displayName":"Zed \u202Edrawkcab\u202C" """, "displayName")]
    [InlineData(""", "displayName":42""", "displayName")]
    [InlineData(""", "externalId":{"id":"x"}""", "externalId")]
    [InlineData(""", "name":"Zed Zimmer" """, "name")]
    [InlineData(""", "name":{"givenName":["Zed"]}""", "name.givenName")]
    [InlineData(""", "title":true""", "title")]
    public async Task Post_BrokenAttribute_400InvalidValueNamingIt(string extra, string attribute)
    {
        var detail = await RefusedAsync(() => _acme.PostAsync(User("zed@acme.test", extra: extra)), HttpStatusCode.BadRequest, "invalidValue");
        Assert.StartsWith(attribute, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UserNameAsNumberOrBlank_400InvalidValueNamingUserName()
    {
        Assert.StartsWith("userName", await RefusedAsync(() => _acme.PostAsync("""{"userName":12345}"""), HttpStatusCode.BadRequest, "invalidValue"), StringComparison.Ordinal);
        Assert.StartsWith("userName", await RefusedAsync(() => _acme.PostAsync("""{"userName":"   "}"""), HttpStatusCode.BadRequest, "invalidValue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HugeDisplayNameOrNamePart_400_NotStored()
    {
        var huge = new string('x', 3_900_000);
        Assert.Contains("200", await RefusedAsync(() => _acme.PostAsync(User("zed@acme.test", extra: $",\"displayName\":\"{huge}\"")),
            HttpStatusCode.BadRequest, "invalidValue"), StringComparison.Ordinal);
        Assert.StartsWith("name.familyName", await RefusedAsync(() => _acme.PostAsync(User("zed@acme.test", extra: $",\"name\":{{\"familyName\":\"{new string('y', 257)}\"}}")),
            HttpStatusCode.BadRequest, "invalidValue"), StringComparison.Ordinal);
        Assert.StartsWith("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department", await RefusedAsync(() => _acme.PostAsync(User("zed@acme.test",
            extra: $",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{{\"department\":\"{new string('d', 1025)}\"}}")),
            HttpStatusCode.BadRequest, "invalidValue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AttributeNamesInAnyCase_ReadCaseInsensitivelyNestedToo()
    {
        var id = await CreatedIdAsync(Here("""{"USERNAME":"Zed@Acme.test","EXTERNALID":"zed-1","Name":{"GIVENNAME":"Zed","familyname":"Zimmer"},"EMAILS":[{"TYPE":"work","VALUE":"zed@acme.test"}]}"""));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var user = await db.DirectoryUsers.SingleAsync(u => u.Id == id);
        Assert.Equal((Here("Zed@Acme.test"), "zed-1", "Zed Zimmer", Here("zed@acme.test")), (user.UserName, user.ExternalId, user.DisplayName, user.Email));
    }

    [Theory]
    [InlineData("zoe\u0308@acme.test")] // NFD: e + combining diaeresis
    [InlineData("ZOË@ACME.TEST")]
    public async Task Post_LookAlikeOfExistingUserName_409NamingTheExistingId(string lookAlike)
    {
        var zoe = await CreatedIdAsync(User("zo\u00EB@acme.test"));

        var detail = await RefusedAsync(() => _acme.PostAsync(User(lookAlike)), HttpStatusCode.Conflict, "uniqueness");

        Assert.Contains(zoe.ToString(), detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NfdUserName_StoredAsNfc_AndFoundByItsNfcForm()
    {
        var id = await CreatedIdAsync(User("zoe\u0308@acme.test", extra: """, "emails":[{"type":"work","value":"zoe\u0308@acme.test"}]"""));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var user = await db.DirectoryUsers.SingleAsync(u => u.Id == id);
        Assert.Equal((Here("zo\u00EB@acme.test"), Here("ZO\u00CB@ACME.TEST"), Here("zo\u00EB@acme.test")), (user.UserName, user.NormalizedUserName, user.Email));
    }

    [Fact]
    public async Task PostPutPatch_SameExternalIdAsAnotherUser_409NamingIt()
    {
        var zed = await CreatedIdAsync(User("zed@acme.test", "obj-1"));
        var yan = await CreatedIdAsync(User("yan@acme.test", "obj-2"));

        Assert.Contains(zed.ToString(), await RefusedAsync(() => _acme.PostAsync(User("xia@acme.test", "obj-1")), HttpStatusCode.Conflict, "uniqueness"), StringComparison.Ordinal);
        Assert.Contains(zed.ToString(), await RefusedAsync(() => _acme.PutAsync(yan, User("yan@acme.test", "obj-1")), HttpStatusCode.Conflict, "uniqueness"), StringComparison.Ordinal);
        Assert.Contains(zed.ToString(), await RefusedAsync(() => _acme.PatchAsync(yan,
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"externalId","value":"obj-1"}]}"""),
            HttpStatusCode.Conflict, "uniqueness"), StringComparison.Ordinal);
        Assert.Contains(zed.ToString(), await RefusedAsync(() => _acme.PatchAsync(yan,
            Here("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"userName","value":"ZED@acme.test"}]}""")),
            HttpStatusCode.Conflict, "uniqueness"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RePost_DeactivatedUser_409NamingIt_ThenPatchActiveTrue_ReactivatesKeepingId()
    {
        var zed = await CreatedIdAsync(User("zed@acme.test", "obj-1"));
        Assert.Equal(HttpStatusCode.OK, (await _acme.PatchAsync(zed,
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""")).StatusCode);

        var detail = await RefusedAsync(() => _acme.PostAsync(User("zed@acme.test", "obj-1")), HttpStatusCode.Conflict, "uniqueness");
        Assert.Contains(zed.ToString(), detail, StringComparison.Ordinal);
        Assert.Contains("deactivated", detail, StringComparison.Ordinal);

        var reactivated = await _acme.PatchAsync(zed,
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"True"}]}""");
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        Assert.Equal((zed.ToString(), true), ((await BodyAsync(reactivated))["id"]!.GetValue<string>(), (await BodyAsync(reactivated))["active"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Post_SameUserNameAndExternalIdAsAnotherParentsDirectory_IsNoConflict()
    {
        var globexUser = new DirectoryUser
        {
            ParentOrganizationId = portal.Demo.GlobexParent,
            UserName = Here("zed@acme.test"),
            NormalizedUserName = Here("ZED@ACME.TEST"),
            ExternalId = "obj-1",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.DirectoryUsers.Add(globexUser);
            await db.SaveChangesAsync();
        }

        var id = await CreatedIdAsync(User("zed@acme.test", "obj-1"));

        // Counted in the two directories only: the class's other tests leave users with obj-1 in directories of their own.
        await using var check = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await check.DirectoryUsers.CountAsync(u => u.ExternalId == "obj-1" && (u.Id == globexUser.Id || u.ParentOrganizationId == _acme.ParentId)));
        Assert.Equal(_acme.ParentId, (await check.DirectoryUsers.SingleAsync(u => u.Id == id)).ParentOrganizationId);
    }

    [Fact]
    public async Task Post_ConcurrentSameExternalId_OneCreated_Others409_NoServerError()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _acme.PostAsync(User($"racer{i}@acme.test", "obj-race"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.DirectoryUsers.CountAsync(u => u.ParentOrganizationId == _acme.ParentId && u.ExternalId == "obj-race"));
    }

    [Theory]
    [InlineData("""{"displayName":""}""")]
    [InlineData("""{"displayName":"   "}""")]
    [InlineData("""{"displayName":12}""")]
    [InlineData("""{"externalId":"g-1"}""")]
    [InlineData("""{"displayName":"Sales\u200B"}""")]
    [InlineData("""{"displayName":"Sales","members":{"value":"x"}}""")]
    [InlineData("""{"displayName":"Sales","members":["x"]}""")]
    public async Task PostGroup_BadDisplayNameOrMembers_400InvalidValue(string json) =>
        await RefusedAsync(() => _acme.Client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim(json)), HttpStatusCode.BadRequest, "invalidValue");

    [Fact]
    public async Task PostGroup_TenThousandCharacterName_400()
    {
        var detail = await RefusedAsync(() => _acme.Client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim($"{{\"displayName\":\"{new string('g', 10_000)}\"}}")),
            HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("256", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_SameExternalIdOrName_409NamingIt_AndMembersOverTheLimit_413()
    {
        var created = await _acme.Client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim("""{"displayName":"Sales","externalId":"g-1"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sales = (await BodyAsync(created))["id"]!.GetValue<string>();

        Assert.Contains(sales, await RefusedAsync(() => _acme.Client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim("""{"displayName":"Other","externalId":"g-1"}""")),
            HttpStatusCode.Conflict, "uniqueness"), StringComparison.Ordinal);
        Assert.Contains(sales, await RefusedAsync(() => _acme.Client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim("""{"displayName":"SALES"}""")),
            HttpStatusCode.Conflict, "uniqueness"), StringComparison.Ordinal);
        var four = string.Join(",", Enumerable.Range(0, 4).Select(_ => $"{{\"value\":\"{Guid.NewGuid()}\"}}"));
        await RefusedAsync(() => _acme.Client.PatchAsync($"/scim/v2/Groups/{sales}", AcmeScimDirectory.Scim(
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{{four}}]}]}""")),
            HttpStatusCode.RequestEntityTooLarge, null);
    }
}

public sealed class SqliteScimInputRulesTests(ScimInputRulesPortal.Sqlite portal) : ScimInputRulesTests(portal), IClassFixture<ScimInputRulesPortal.Sqlite>;

[Trait("Category", "Postgres")]
public sealed class PostgresScimInputRulesTests(ScimInputRulesPortal.Postgres portal) : ScimInputRulesTests(portal), IClassFixture<ScimInputRulesPortal.Postgres>;
