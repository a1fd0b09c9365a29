using System.Net;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Persistence;
using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Push;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.DemoIdp;

/// <summary>
/// "Push to SCIM" end to end: the demo IdP calls the app's own SCIM endpoint over real HTTP (Kestrel on 127.0.0.1), and the
/// directory the app keeps afterwards is checked in the database.
/// </summary>
public sealed class DemoIdpScimPushTests : IAsyncLifetime
{
    private readonly SqliteFileTestDatabase _database = new();
    private IdentityAccessWebFactory _factory = default!;
    private Uri _baseUrl = default!;
    private Guid _acme;

    public async Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _baseUrl = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        await using var db = await _factory.CreateDbContextAsync();
        _acme = await DemoIdpHttp.ParentIdAsync(db, "Acme Corporation");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private DemoIdpDirectoryService Directory => _factory.Services.GetRequiredService<DemoIdpDirectoryService>();

    [Fact]
    public async Task Push_SeededDirectory_CreatesTheNewGroupAndLinksEveryoneByTheirImmutableIds()
    {
        var summary = await PushAsync();

        Assert.Equal(0, summary.ErrorCount);
        Assert.Equal(8, summary.UsersUpdated); // the app's seeded directory already holds Acme's eight people
        Assert.Equal(1, summary.GroupsCreated); // acme-engineering
        await using var db = await _factory.CreateDbContextAsync();
        var users = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _acme).ToListAsync();
        Assert.Equal(9, users.Count); // and Oscar, whom the push creates
        Assert.All(users, u => Assert.True(u.Active));
        var engineering = await db.DirectoryGroups.SingleAsync(g => g.ParentOrganizationId == _acme && g.DisplayName == "acme-engineering");
        Assert.Equal("6f1c2a9e-0008-4c1e-9a10-acme00000008", engineering.ExternalId);
        Assert.Equal(["erin@acme.test", "frank@acme.test", "ivan@acme.test"], await MemberEmailsAsync(db, engineering));
        Assert.DoesNotContain(await db.DirectoryUsers.Select(u => u.Email).ToListAsync(), e => e!.EndsWith("@globex.test", StringComparison.Ordinal));
        Assert.Empty(await db.ScimTokens.Where(t => t.ParentOrganizationId == _acme && t.RevokedAt == null).ToListAsync());
    }

    [Fact]
    public async Task Push_AfterEdits_CreatesDeactivatesRemovesAndSyncsMembership()
    {
        await PushAsync();
        var before = await Directory.GetAsync();
        var dave = before.People.Single(p => p.Email == "dave@acme.test");
        Assert.Null(await Directory.SavePersonAsync(dave.Id, dave.Email, dave.DisplayName, active: false));
        await Directory.RemovePersonAsync(before.People.Single(p => p.Email == "gina@acme.test").Id);
        Assert.Null(await Directory.SavePersonAsync(null, "nora@acme.test", "Nora New", active: true));
        var nora = (await Directory.GetAsync()).People.Single(p => p.Email == "nora@acme.test");
        var engineering = before.Groups.Single(g => g.DisplayName == "acme-engineering");
        var erin = before.People.Single(p => p.Email == "erin@acme.test");
        Assert.Null(await Directory.SaveGroupAsync(engineering.Id, "acme-platform", "acme.test", [erin.Id, nora.Id]));
        await Directory.RemoveGroupAsync(before.Groups.Single(g => g.DisplayName == "anthropic-console-developers").Id);

        var summary = await PushAsync();

        Assert.Equal(0, summary.ErrorCount);
        Assert.Equal((1, 1, 1), (summary.UsersCreated, summary.UsersDeactivated, summary.UsersDeleted));
        // Frank and Ivan leave the renamed group; Gina leaves her two groups before she is deleted.
        Assert.Equal((1, 4), (summary.GroupsDeleted, summary.MembersRemoved));
        await using var db = await _factory.CreateDbContextAsync();
        var users = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _acme).ToDictionaryAsync(u => u.UserName);
        Assert.False(users["dave@acme.test"].Active);
        Assert.DoesNotContain("gina@acme.test", users.Keys);
        Assert.Equal(nora.ImmutableId, users["nora@acme.test"].ExternalId);
        var renamed = await db.DirectoryGroups.SingleAsync(g => g.ParentOrganizationId == _acme && g.ExternalId == engineering.ImmutableId);
        Assert.Equal("acme-platform", renamed.DisplayName);
        Assert.Equal(["erin@acme.test", "nora@acme.test"], await MemberEmailsAsync(db, renamed));
        Assert.False(await db.DirectoryGroups.AnyAsync(g => g.ParentOrganizationId == _acme && g.DisplayName == "anthropic-console-developers"));
    }

    [Fact]
    public async Task Push_TwiceWithoutChanges_ChangesNothingTheSecondTime()
    {
        await PushAsync();
        await using var db = await _factory.CreateDbContextAsync();
        var first = await db.DirectoryUsers.AsNoTracking().Where(u => u.ParentOrganizationId == _acme).OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.Active, u.ExternalId }).ToListAsync();

        var second = await PushAsync();

        Assert.Equal((0, 0, 0, 0, 0), (second.UsersCreated, second.UsersDeleted, second.GroupsCreated, second.MembersAdded, second.MembersRemoved));
        Assert.Equal(first, await db.DirectoryUsers.AsNoTracking().Where(u => u.ParentOrganizationId == _acme).OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.Active, u.ExternalId }).ToListAsync());
    }

    private async Task<DemoIdpPushSummary> PushAsync() =>
        await _factory.Services.GetRequiredService<DemoIdpScimPush>().PushAsync(_acme, _baseUrl);

    private static async Task<List<string>> MemberEmailsAsync(IdentityAccessDbContext db, DirectoryGroup group) =>
        await db.DirectoryGroupMembers.Where(m => m.GroupId == group.Id).Join(db.DirectoryUsers, m => m.UserId, u => u.Id, (m, u) => u.Email!)
            .OrderBy(e => e).ToListAsync();
}
