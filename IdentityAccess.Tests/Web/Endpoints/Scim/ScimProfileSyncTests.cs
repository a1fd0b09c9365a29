using System.Net;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>
/// A name or email changed in Acme's IdP reaches Carol, a person Acme owns (acme.test is Acme's verified domain), and
/// everything that shows her: the members page (its name sort is a trigger-kept copy), its search, the CSV export and
/// the audit log. An email another person has refuses the whole request.
/// </summary>
public abstract class ScimProfileSyncTests(PortalFixture portal) : IAsyncLifetime
{
    private AcmeScimDirectory _acme = default!;
    private Guid _carolUser;

    private Guid Carol => portal.Demo.Person("carol@acme.test");

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        _acme = await StartAsync(portal);
        _carolUser = await _acme.UserIdAsync("carol@acme.test");
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private async Task<(string Name, string Email)> CarolAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.People.Where(p => p.Id == Carol).Select(p => new ValueTuple<string, string>(p.DisplayName, p.Email)).SingleAsync();
    }

    [Fact]
    public async Task PatchDisplayName_ReachesThePerson_TheMembersPageItsSortAndSearch_TheCsvAndTheAuditLog()
    {
        var patched = await _acme.PatchAsync(_carolUser, """{"Operations":[{"op":"replace","path":"displayName","value":"Aaron Carolsson"}]}""");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(("Aaron Carolsson", "carol@acme.test"), await CarolAsync());
        var members = portal.Factory.Services.GetRequiredService<MemberDirectory>();
        var byName = await members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery(Sort: MemberSort.Name));
        Assert.Equal("Aaron Carolsson", byName.Items[0].DisplayName); // the sort copy followed: she now comes first
        Assert.Equal(Carol, Assert.Single((await members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery(Search: "Carolsson"))).Items).PersonId);
        var csv = await (await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/members.csv")).Content.ReadAsStringAsync();
        Assert.Contains("carol@acme.test,Aaron Carolsson,", csv, StringComparison.Ordinal);
        var audit = await portal.Factory.Services.GetRequiredService<AuditTrail>().GetPageAsync(portal.Demo.AcmeChat, new AuditQuery("person.profile_updated"));
        var entry = Assert.Single(audit.Items);
        Assert.Equal(("Directory sync (SCIM)", "carol@acme.test"), (entry.Actor, entry.Target));
        Assert.Equal("""{"DisplayName":"Carol Chen","Email":"carol@acme.test"}""", entry.Before);
        Assert.Equal("""{"DisplayName":"Aaron Carolsson","Email":"carol@acme.test"}""", entry.After);
    }

    [Fact]
    public async Task PutWithNewNameAndEmail_BothReachThePerson_WhoKeepsTheirIdAndMembership()
    {
        var put = await _acme.PutAsync(_carolUser, """
            {"userName":"carol@acme.test","name":{"givenName":"Carol","familyName":"Chen-Okafor"},"active":true,
             "emails":[{"type":"work","primary":true,"value":"carol.chen@acme.test"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("Carol Chen-Okafor", "carol.chen@acme.test"), await CarolAsync());
        var members = portal.Factory.Services.GetRequiredService<MemberDirectory>();
        var found = Assert.Single((await members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery(Search: "carol.chen"))).Items);
        Assert.Equal((Carol, MembershipStatus.Active), (found.PersonId, found.Status));
    }

    [Fact]
    public async Task PatchEmailToAnotherPersons_409Uniqueness_AndNothingHalfWritten()
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.People.AnyAsync(p => p.Email == "dave@acme.test"));
        }

        var document = (await BodyAsync(await _acme.Client.GetAsync($"/scim/v2/Users/{_carolUser}"))).ToJsonString();
        var audits = await AuditCountAsync();

        var conflict = await _acme.PatchAsync(_carolUser, """
            {"Operations":[{"op":"replace","value":{"displayName":"Carol Renamed"}},
                           {"op":"replace","path":"emails[type eq \"work\"].value","value":"dave@acme.test"}]}
            """);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("uniqueness", (await BodyAsync(conflict))["scimType"]!.GetValue<string>());
        Assert.Equal(("Carol Chen", "carol@acme.test"), await CarolAsync());
        Assert.Equal(document, (await BodyAsync(await _acme.Client.GetAsync($"/scim/v2/Users/{_carolUser}"))).ToJsonString());
        Assert.Equal(audits, await AuditCountAsync());
    }

    [Fact]
    public async Task PatchThatChangesNoProfileField_WritesNoProfileEvent()
    {
        var patched = await _acme.PatchAsync(_carolUser, """{"Operations":[{"op":"add","path":"title","value":"Engineer"}]}""");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "person.profile_updated"));
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.CountAsync();
    }
}

public sealed class SqliteScimProfileSyncTests() : ScimProfileSyncTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimProfileSyncTests() : ScimProfileSyncTests(new PostgresPortalFixture());
