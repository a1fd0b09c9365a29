using System.Net;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>
/// Acme's directory against people it does not own: Hank is a Globex person (globex.test is verified by Globex, not
/// Acme). Each test tries to reach him, or an address nobody verified, through Acme's SCIM token and checks that it is
/// refused and that nothing changed.
/// </summary>
public abstract class ScimDirectoryOwnershipTests(PortalFixture portal) : IAsyncLifetime
{
    private AcmeScimDirectory _acme = default!;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        _acme = await StartAsync(portal);
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private sealed record Snapshot(string HankName, string HankEmail, int DirectoryUsers, int HankMemberships, int People, int PersonAudits);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var hank = await db.People.AsNoTracking().SingleAsync(p => p.Id == portal.Demo.Person("hank@globex.test"));
        return new Snapshot(hank.DisplayName, hank.Email, await db.DirectoryUsers.CountAsync(),
            await db.Memberships.CountAsync(m => m.PersonId == hank.Id), await db.People.CountAsync(),
            await db.AuditEvents.CountAsync(e => e.Action.StartsWith("person.")));
    }

    [Theory]
    [InlineData("""{"userName":"hank@globex.test","displayName":"Hank Hijacked","active":true}""")]
    [InlineData("""{"userName":"hank@acme.test","displayName":"Hank Hijacked","emails":[{"type":"work","primary":true,"value":"hank@globex.test"}]}""")]
    public async Task Post_AddressOfAnotherParentsDomain_400InvalidValueNamingIt_AndNothingChanged(string body)
    {
        var before = await SnapshotAsync();

        var response = await _acme.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await BodyAsync(response);
        Assert.Equal("invalidValue", error["scimType"]!.GetValue<string>());
        var detail = error["detail"]!.GetValue<string>();
        Assert.Contains("globex.test", detail, StringComparison.Ordinal);
        Assert.Contains("Acme Corporation's verified domains (acme.test)", detail, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync()); // Hank as he was, no directory user, no Acme membership
        await portal.Factory.Services.FlushProvisioningLogAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        var logged = await db.ProvisioningLog.SingleAsync(e => e.ParentOrganizationId == _acme.ParentId && e.Method == "POST");
        Assert.Equal((400, "invalidValue"), (logged.Status, logged.ErrorType));
        Assert.Contains("globex.test", logged.ErrorDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("two@at@acme.test")]
    [InlineData("someone@unverified.example")]
    public async Task Post_AddressNobodyVerifiedOrMalformed_400InvalidValue(string userName)
    {
        var before = await SnapshotAsync();

        var response = await _acme.PostAsync($$"""{"userName":"{{userName}}","active":true}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidValue", (await BodyAsync(response))["scimType"]!.GetValue<string>());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task PatchAndPut_MovingAnAcmeUsersEmailToGlobex_400AndNothingChanged()
    {
        var zed = Guid.Parse((await BodyAsync(await _acme.PostAsync("""
            {"userName":"zed@acme.test","displayName":"Zed","emails":[{"type":"work","primary":true,"value":"zed@acme.test"}]}
            """)))["id"]!.GetValue<string>());
        var before = await SnapshotAsync();

        var patched = await _acme.PatchAsync(zed, """{"Operations":[{"op":"replace","path":"emails[type eq \"work\"].value","value":"hank@globex.test"}]}""");
        var put = await _acme.PutAsync(zed, """{"userName":"hank@globex.test","displayName":"Zed","active":true}""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (patched.StatusCode, put.StatusCode));
        Assert.Equal("invalidValue", (await BodyAsync(patched))["scimType"]!.GetValue<string>());
        Assert.Equal(before, await SnapshotAsync());
        await using var db = await portal.Factory.CreateDbContextAsync();
        var user = await db.DirectoryUsers.AsNoTracking().SingleAsync(u => u.Id == zed);
        Assert.Equal(("zed@acme.test", "zed@acme.test"), (user.UserName, user.Email));
        Assert.Equal("zed@acme.test", await db.People.Where(p => p.Id == user.PersonId).Select(p => p.Email).SingleAsync());
    }

    [Fact]
    public async Task PeopleOfAnotherParent_NeverVisibleThroughThisDirectory()
    {
        await _acme.PostAsync("""{"userName":"hank@globex.test"}"""); // refused, and must leave nothing to find

        var byUserName = await BodyAsync(await _acme.Client.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq \"hank@globex.test\"")));
        var byEmail = await BodyAsync(await _acme.Client.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString("emails.value eq \"grace@globex.test\"")));
        var all = await BodyAsync(await _acme.Client.GetAsync("/scim/v2/Users?count=1000"));
        var byPersonId = await _acme.Client.GetAsync($"/scim/v2/Users/{portal.Demo.Person("hank@globex.test")}");

        Assert.Equal((0, 0), (byUserName["totalResults"]!.GetValue<int>(), byEmail["totalResults"]!.GetValue<int>()));
        Assert.DoesNotContain(all["Resources"]!.AsArray(), r => r!["userName"]!.GetValue<string>().EndsWith("@globex.test", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, byPersonId.StatusCode);
    }

    [Fact]
    public async Task Post_ExistingManualMember_LinkedToTheSamePersonAndAudited()
    {
        var oscar = portal.Demo.Person("oscar@acme.test"); // Admin of Acme Labs by hand, not in the demo directory

        var created = await _acme.PostAsync("""{"userName":"oscar@acme.test","displayName":"Oscar Ortiz","active":true}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(oscar, await db.DirectoryUsers.Where(u => u.UserName == "oscar@acme.test").Select(u => u.PersonId).SingleAsync());
        Assert.Equal(1, await db.People.CountAsync(p => p.NormalizedEmail == "OSCAR@ACME.TEST"));
        var linked = await db.AuditEvents.SingleAsync(e => e.Action == "person.linked_to_directory");
        Assert.Equal(("oscar@acme.test", "Directory sync (SCIM)", _acme.ParentId), (linked.Target, linked.Actor, linked.ParentOrganizationId!.Value));
    }

    [Fact]
    public async Task DirectoryUserLinkedToAnotherParentsPerson_NeverRenamesThem_ButCanStillBeDeactivated()
    {
        // What the earlier version let Acme's directory do: a directory user linked to Globex's Hank.
        var legacy = await InsertLegacyUserAsync("hank@globex.test", portal.Demo.Person("hank@globex.test"));
        var before = await SnapshotAsync();

        var renamed = await _acme.PatchAsync(legacy, """{"Operations":[{"op":"replace","value":{"displayName":"Renamed by Acme","name.givenName":"Renamed"}}]}""");
        var deactivated = await _acme.PatchAsync(legacy, """{"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (renamed.StatusCode, deactivated.StatusCode));
        var after = await SnapshotAsync();
        Assert.Equal((before.HankName, before.HankEmail, before.PersonAudits), (after.HankName, after.HankEmail, after.PersonAudits)); // no person.* audit
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False((await db.DirectoryUsers.SingleAsync(u => u.Id == legacy)).Active);
    }

    [Fact]
    public async Task SyncNow_UnlinkedDirectoryUsersOutsideTheVerifiedDomains_NeitherLinkedNorGivenAPerson()
    {
        var hankUser = await InsertLegacyUserAsync("hank@globex.test", null);
        var strangerUser = await InsertLegacyUserAsync("someone@unverified.example", null);
        var before = await SnapshotAsync();

        var synced = await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(portal.Demo.AcmeChat, portal.Demo.Person("alice@acme.test"));

        Assert.Null(synced.Refusal);
        Assert.Equal(before, await SnapshotAsync()); // no Acme membership for Hank, no new person
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal([null, null], await db.DirectoryUsers.Where(u => u.Id == hankUser || u.Id == strangerUser).Select(u => u.PersonId).ToListAsync());
    }

    private async Task<Guid> InsertLegacyUserAsync(string email, Guid? personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var user = DirectoryUsers.Named(email, "Legacy " + email, _acme.ParentId, DateTimeOffset.UtcNow);
        user.PersonId = personId;
        db.DirectoryUsers.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}

public sealed class SqliteScimDirectoryOwnershipTests() : ScimDirectoryOwnershipTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimDirectoryOwnershipTests() : ScimDirectoryOwnershipTests(new PostgresPortalFixture());
