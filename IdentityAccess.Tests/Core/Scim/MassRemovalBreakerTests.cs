using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>
/// Acme Console under directory sync with its eight directory people as members, and a breaker that trips above
/// three removals and 10 % of members within an hour.
/// </summary>
public sealed class MassRemovalBreakerTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private Guid _parentId;
    private Guid _alice;

    public async Task InitializeAsync()
    {
        _portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "3";
        _portal.Settings["Provisioning:MassRemoval:Percent"] = "10";
        await _portal.InitializeAsync();
        _alice = _portal.Demo.Person("alice@acme.test");
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(_portal.Demo.AcmeConsole, draft, _alice);
        Assert.Empty((await settings.SaveAsync(_portal.Demo.AcmeConsole, draft, _alice, preview.AffectedOthers)).Errors);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == _portal.Demo.AcmeConsole).Select(o => o.ParentOrganizationId).SingleAsync();
        Assert.Equal(8, await db.Memberships.CountAsync(m => m.OrganizationId == _portal.Demo.AcmeConsole && m.Status == MembershipStatus.Active));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private StagedRemovalService Staged => _portal.Factory.Services.GetRequiredService<StagedRemovalService>();

    [Fact]
    public async Task Deletes_BeyondTheThresholdWithinTheWindow_AreStagedAndTheMembersKeepAccess()
    {
        foreach (var email in new[] { "bob", "carol", "dave" })
        {
            await DeleteDirectoryUserAsync(email);
        }

        Assert.Equal(MembershipStatus.Removed, await StatusAsync("dave"));

        await DeleteDirectoryUserAsync("frank"); // the fourth within the hour: above three and above 10 %
        await DeleteDirectoryUserAsync("gina"); // tripped: stays staged until an owner decides

        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank"));
        Assert.Equal(MembershipStatus.Active, await StatusAsync("gina"));
        var staged = (await Staged.ListAsync(_portal.Demo.AcmeConsole, _alice))!;
        Assert.Equal(["frank@acme.test", "gina@acme.test"], staged.Select(s => s.Email));
        Assert.All(staged, s => Assert.Contains("Not assigned to the IdP app", s.Reason, StringComparison.Ordinal));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sync.removals_staged" && e.OrganizationId == _portal.Demo.AcmeConsole));
    }

    [Fact]
    public async Task Approve_AppliesTheHeldBackRemovals()
    {
        foreach (var email in new[] { "bob", "carol", "dave", "frank", "gina" })
        {
            await DeleteDirectoryUserAsync(email);
        }

        Assert.Equal(2, await Staged.ApproveAsync(_portal.Demo.AcmeConsole, _alice));

        Assert.Equal(MembershipStatus.Removed, await StatusAsync("frank"));
        Assert.Equal(MembershipStatus.Removed, await StatusAsync("gina"));
        Assert.Empty((await Staged.ListAsync(_portal.Demo.AcmeConsole, _alice))!);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Empty(await db.StagedRemovals.ToListAsync());
    }

    [Fact]
    public async Task Reject_KeepsThePeopleAsHandManagedMembers_SoSyncNowDoesNotStageThemAgain()
    {
        foreach (var email in new[] { "bob", "carol", "dave", "frank", "gina" })
        {
            await DeleteDirectoryUserAsync(email);
        }

        Assert.Equal(2, await Staged.RejectAsync(_portal.Demo.AcmeConsole, _alice));
        await _portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(_portal.Demo.AcmeConsole, _alice);

        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank"));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(MembershipSource.Manual, await db.Memberships.Where(m => m.OrganizationId == _portal.Demo.AcmeConsole && m.Person!.Email == "gina@acme.test")
            .Select(m => m.Source).SingleAsync());
        Assert.Empty(await db.StagedRemovals.ToListAsync());
    }

    [Fact]
    public async Task AStagedPerson_AssignedAgain_LeavesTheStage()
    {
        foreach (var email in new[] { "bob", "carol", "dave", "frank" })
        {
            await DeleteDirectoryUserAsync(email);
        }

        var users = _portal.Factory.Services.GetRequiredService<ScimUserService>();
        await users.CreateAsync(_parentId, System.Text.Json.Nodes.JsonNode.Parse("""{"userName":"frank@acme.test","active":true}""")!.AsObject(), "http://test/scim/v2");

        Assert.Empty((await Staged.ListAsync(_portal.Demo.AcmeConsole, _alice))!);
        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank"));
    }

    [Fact]
    public async Task List_ByAPersonWithoutTheRight_IsRefused() =>
        Assert.Null(await Staged.ListAsync(_portal.Demo.AcmeConsole, _portal.Demo.Person("carol@acme.test")));

    private async Task DeleteDirectoryUserAsync(string name)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var id = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _parentId && u.UserName == name + "@acme.test").Select(u => u.Id).SingleAsync();
        await _portal.Factory.Services.GetRequiredService<ScimUserService>().DeleteAsync(_parentId, id);
    }

    private async Task<MembershipStatus> StatusAsync(string name)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == _portal.Demo.AcmeConsole && m.Person!.Email == name + "@acme.test")
            .Select(m => m.Status).SingleAsync();
    }
}
