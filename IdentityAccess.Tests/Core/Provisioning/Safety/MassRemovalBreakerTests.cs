using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Provisioning.Safety;

/// <summary>
/// Acme Console under directory sync with its eight directory people as members, and a breaker that allows three
/// removals, suspensions or demotions (10 % of eight is less) within an hour; the clock is fake.
/// </summary>
public abstract class MassRemovalBreakerTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private Guid _parentId;
    private Guid _alice;

    public async Task InitializeAsync()
    {
        portal.Time = _clock;
        portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "3";
        portal.Settings["Provisioning:MassRemoval:Percent"] = "10";
        portal.Settings["Provisioning:ScheduledReconcile:Enabled"] = "false"; // the tests run it themselves
        portal.Settings["Provisioning:RemovalGracePeriod:Enabled"] = "false";
        await portal.InitializeAsync();
        _alice = portal.Demo.Person("alice@acme.test");
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(portal.Demo.AcmeConsole, draft, _alice);
        Assert.Empty((await settings.SaveAsync(portal.Demo.AcmeConsole, draft, _alice, preview.AffectedOthers)).Errors);
        await using var db = await portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeConsole).Select(o => o.ParentOrganizationId).SingleAsync();
        Assert.Equal(8, await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.AcmeConsole && m.Status == MembershipStatus.Active));
        _clock.Advance(TimeSpan.FromHours(2)); // what the save applied is out of the window
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private StagedRemovalService Staged => portal.Factory.Services.GetRequiredService<StagedRemovalService>();

    [Fact]
    public async Task Deletes_BeyondTheLimitWithinTheWindow_AreHeldAndTheMembersKeepAccess()
    {
        await DeleteDirectoryUsersAsync("bob", "carol", "dave");
        Assert.Equal(MembershipStatus.Removed, await StatusAsync("dave"));

        await DeleteDirectoryUsersAsync("frank", "gina"); // the fourth and fifth within the hour

        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank"));
        Assert.Equal(MembershipStatus.Active, await StatusAsync("gina"));
        var staged = (await Staged.ListAsync(portal.Demo.AcmeConsole, _alice))!;
        Assert.Equal(["frank@acme.test", "gina@acme.test"], staged.Select(s => s.Email));
        Assert.All(staged, s => Assert.Equal((ChangeKind.Deprovision, "Directory sync (SCIM)"), (s.Change, s.Path)));
        Assert.All(staged, s => Assert.Contains("Not assigned to the IdP app", s.Reason, StringComparison.Ordinal));
        // The reasons are kept as codes too, so the page words them in the reader's language; their English is the stored text.
        Assert.All(staged, s => Assert.DoesNotContain(s.Reasons, r => r.Code == ReasonCode.AsRecorded));
        Assert.All(staged, s => Assert.Equal(s.Reason, string.Join(" ", s.Reasons.Select(r => r.Text))));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "sync.changes_held" && e.OrganizationId == portal.Demo.AcmeConsole));
    }

    [Fact]
    public async Task Window_AfterItHasPassed_ANewRemovalApplies_WhileTheHeldOnesStayHeld()
    {
        await DeleteDirectoryUsersAsync("bob", "carol", "dave", "frank"); // frank held
        _clock.Advance(TimeSpan.FromMinutes(61));

        await DeleteDirectoryUsersAsync("gina"); // the only one inside the new window: the breaker must not still be tripped

        Assert.Equal(MembershipStatus.Removed, await StatusAsync("gina"));
        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank")); // held until reviewed, not released by time
        Assert.Equal(["frank@acme.test"], (await Staged.ListAsync(portal.Demo.AcmeConsole, _alice))!.Select(s => s.Email));
    }

    [Fact]
    public async Task Window_CountsOnlyTheChangesInsideIt()
    {
        await DeleteDirectoryUsersAsync("bob", "carol");
        _clock.Advance(TimeSpan.FromMinutes(50));
        await DeleteDirectoryUsersAsync("dave"); // three in the window: the limit
        _clock.Advance(TimeSpan.FromMinutes(11)); // bob and carol have left the window, dave has not

        await DeleteDirectoryUsersAsync("frank", "gina");

        Assert.Equal(MembershipStatus.Removed, await StatusAsync("frank"));
        Assert.Equal(MembershipStatus.Removed, await StatusAsync("gina"));
        await DeleteDirectoryUsersAsync("ivan"); // dave, frank and gina are in the window: the fourth is held
        Assert.Equal(MembershipStatus.Active, await StatusAsync("ivan"));
    }

    [Fact]
    public async Task ApplyAll_WithTheCountTyped_AppliesEveryHeldRemoval()
    {
        await DeleteDirectoryUsersAsync("bob", "carol", "dave", "frank", "gina");

        var decision = await Staged.ApplyAllAsync(portal.Demo.AcmeConsole, _alice, " 2 ");

        Assert.Equal(new HeldChangesDecision(2, null), decision);
        Assert.Equal(MembershipStatus.Removed, await StatusAsync("frank"));
        Assert.Equal(MembershipStatus.Removed, await StatusAsync("gina"));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Empty(await db.StagedRemovals.ToListAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "sync.held_changes_applied"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")] // a count that is not the one held now (the page was stale)
    [InlineData("Acme")]
    public async Task ApplyAndDiscard_WithoutTheRightConfirmation_AreRefusedAndNothingChanges(string typed)
    {
        await DeleteDirectoryUsersAsync("bob", "carol", "dave", "frank", "gina");

        Assert.IsType<HeldChangesConfirmationRequired>((await Staged.ApplyAllAsync(portal.Demo.AcmeConsole, _alice, typed)).Refusal);
        Assert.IsType<HeldChangesConfirmationRequired>((await Staged.DiscardAllAsync(portal.Demo.AcmeConsole, _alice, typed)).Refusal);

        await AssertStillHeldAsync();
    }

    [Theory]
    [InlineData("oscar@acme.test")] // the Admin (top role) of the sibling organization Acme Labs, not a parent admin
    [InlineData("erin@acme.test")] // a Developer of Acme Console
    public async Task ApplyAndDiscard_ByTheWrongPeople_AreRefusedOnTheServerAndNothingChanges(string email)
    {
        await DeleteDirectoryUsersAsync("bob", "carol", "dave", "frank", "gina");
        var person = portal.Demo.Person(email);

        // Not a member here: the organization is as unknown to him as one that does not exist, or plainly not his to decide.
        Assert.True((await Staged.ApplyAllAsync(portal.Demo.AcmeConsole, person, "2")).Refusal is NotAllowedError or NotFoundError);
        Assert.True((await Staged.DiscardAllAsync(portal.Demo.AcmeConsole, person, "Acme Console")).Refusal is NotAllowedError or NotFoundError);

        await AssertStillHeldAsync();
    }

    [Fact]
    public async Task DiscardAll_WithTheOrganizationNameTyped_KeepsThePeopleAsHandManaged_SoSyncNowDoesNotHoldThemAgain()
    {
        await DeleteDirectoryUsersAsync("bob", "carol", "dave", "frank", "gina");

        Assert.Equal(new HeldChangesDecision(2, null), await Staged.DiscardAllAsync(portal.Demo.AcmeConsole, _alice, "acme console"));
        await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(portal.Demo.AcmeConsole, _alice);

        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank"));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(MembershipSource.Manual, await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeConsole && m.Person!.Email == "gina@acme.test")
            .Select(m => m.Source).SingleAsync());
        Assert.Empty(await db.StagedRemovals.ToListAsync());
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "membership.kept_by_owner"));
    }

    [Fact]
    public async Task AHeldPerson_AssignedAgain_IsNoLongerHeld()
    {
        await DeleteDirectoryUsersAsync("bob", "carol", "dave", "frank");

        var users = portal.Factory.Services.GetRequiredService<ScimUserService>();
        await users.CreateAsync(_parentId, System.Text.Json.Nodes.JsonNode.Parse("""{"userName":"frank@acme.test","active":true}""")!.AsObject(), "http://test/scim/v2");

        Assert.Empty((await Staged.ListAsync(portal.Demo.AcmeConsole, _alice))!);
        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank"));
    }

    [Fact]
    public async Task SyncNow_HoldsTheExcessOfWhatItFinds()
    {
        await DeleteDirectoryUsersQuietlyAsync("bob", "carol", "dave", "frank", "gina");

        await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(portal.Demo.AcmeConsole, _alice);

        await AssertThreeRemovedTwoHeldAsync(SyncNowService.RequestedBy);
    }

    [Fact]
    public async Task ScheduledReconcile_HoldsTheExcessOfWhatItFinds()
    {
        await DeleteDirectoryUsersQuietlyAsync("bob", "carol", "dave", "frank", "gina");

        await portal.Factory.Services.GetRequiredService<ScheduledReconcile>().RunOnceAsync();

        await AssertThreeRemovedTwoHeldAsync("Scheduled reconcile");
    }

    [Fact]
    public async Task List_ByAPersonWithoutTheRight_IsRefused() =>
        Assert.Null(await Staged.ListAsync(portal.Demo.AcmeConsole, portal.Demo.Person("carol@acme.test")));

    private async Task AssertThreeRemovedTwoHeldAsync(string path)
    {
        var statuses = new List<MembershipStatus>();
        foreach (var name in new[] { "bob", "carol", "dave", "frank", "gina" })
        {
            statuses.Add(await StatusAsync(name));
        }

        Assert.Equal(3, statuses.Count(s => s == MembershipStatus.Removed));
        Assert.Equal(2, statuses.Count(s => s == MembershipStatus.Active));
        var staged = (await Staged.ListAsync(portal.Demo.AcmeConsole, _alice))!;
        Assert.Equal(2, staged.Count);
        Assert.All(staged, s => Assert.Equal(path, s.Path));
    }

    private async Task AssertStillHeldAsync()
    {
        Assert.Equal(MembershipStatus.Active, await StatusAsync("frank"));
        Assert.Equal(2, (await Staged.ListAsync(portal.Demo.AcmeConsole, _alice))!.Count);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(MembershipSource.Scim, await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeConsole && m.Person!.Email == "gina@acme.test")
            .Select(m => m.Source).SingleAsync());
    }

    private async Task DeleteDirectoryUsersAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await using var db = await portal.Factory.CreateDbContextAsync();
            var id = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _parentId && u.UserName == name + "@acme.test").Select(u => u.Id).SingleAsync();
            await portal.Factory.Services.GetRequiredService<ScimUserService>().DeleteAsync(_parentId, id);
        }
    }

    // The IdP's pushes never arrived: only a reconcile sees the directory as it now is.
    private async Task DeleteDirectoryUsersQuietlyAsync(params string[] names)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var userNames = names.Select(n => n + "@acme.test").ToList();
        var ids = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _parentId && userNames.Contains(u.UserName)).Select(u => u.Id).ToListAsync();
        await db.DirectoryGroupMembers.Where(m => ids.Contains(m.UserId)).ExecuteDeleteAsync();
        await db.DirectoryUsers.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync();
    }

    private async Task<MembershipStatus> StatusAsync(string name)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeConsole && m.Person!.Email == name + "@acme.test")
            .Select(m => m.Status).SingleAsync();
    }
}

public sealed class SqliteMassRemovalBreakerTests() : MassRemovalBreakerTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresMassRemovalBreakerTests() : MassRemovalBreakerTests(new PostgresPortalFixture());
