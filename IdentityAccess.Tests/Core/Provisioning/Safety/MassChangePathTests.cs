using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Provisioning.Safety;

/// <summary>
/// The mass-change breaker on each path that applies a plan, with a limit of one removal, suspension or demotion per hour
/// in Acme (chat, group mappings: <see cref="AcmeDirectorySync"/>), where Carol and Dave were made Owners more than an
/// hour ago. Each path asks for two: the first applies, the second is held, named with its kind and its path.
/// </summary>
public abstract class MassChangePathTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly AcmeDirectorySync _acme = new(portal);

    public async Task InitializeAsync()
    {
        portal.Time = _clock;
        portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1";
        portal.Settings["Provisioning:MassRemoval:Percent"] = "0";
        // The tests run the reconcile and the grace period themselves and move the clock by a month: no loop in the way.
        ClockJumps.QuietBackgroundLoops(portal.Settings);
        await portal.InitializeAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    [Fact]
    public async Task ScimGroupPatch_TwoOwnersDemoted_TheSecondIsHeldAsADemotion()
    {
        await SetUpOwnersAsync();

        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: false, "carol@acme.test", "dave@acme.test");

        await AssertCarolDemotedDaveHeldAsync("Directory sync (SCIM)");
    }

    [Fact]
    public async Task SyncNow_TwoOwnersDemoted_TheSecondIsHeld()
    {
        await SetUpOwnersAsync();
        await _acme.LeaveGroupQuietlyAsync(AcmeDirectorySync.Owners, "carol@acme.test");
        await _acme.LeaveGroupQuietlyAsync(AcmeDirectorySync.Owners, "dave@acme.test");

        await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, Alice);

        await AssertCarolDemotedDaveHeldAsync(SyncNowService.RequestedBy);
    }

    [Fact]
    public async Task ScheduledReconcile_TwoOwnersDemoted_TheSecondIsHeld()
    {
        await SetUpOwnersAsync();
        await _acme.LeaveGroupQuietlyAsync(AcmeDirectorySync.Owners, "carol@acme.test");
        await _acme.LeaveGroupQuietlyAsync(AcmeDirectorySync.Owners, "dave@acme.test");

        await _acme.Services.GetRequiredService<ScheduledReconcile>().RunOnceAsync();

        await AssertCarolDemotedDaveHeldAsync("Scheduled reconcile");
    }

    [Fact]
    public async Task JitSignIn_AHeldDemotion_SignsInWithTheCurrentRole()
    {
        await _acme.SetUpAsync(ProvisioningMode.Jit);
        await _acme.SignInAsync("carol@acme.test", AcmeDirectorySync.Owners, AcmeDirectorySync.Users);
        await _acme.SignInAsync("dave@acme.test", AcmeDirectorySync.Owners, AcmeDirectorySync.Users);
        _clock.Advance(TimeSpan.FromHours(2));

        await _acme.SignInAsync("carol@acme.test", AcmeDirectorySync.Users);
        var dave = (await _acme.SignInAsync("dave@acme.test", AcmeDirectorySync.Users)).Single(a => a.OrganizationId == _acme.Acme);

        Assert.True(dave.CanSignIn);
        await AssertCarolDemotedDaveHeldAsync("Sign-in (JIT)");
    }

    [Fact]
    public async Task GracePeriodJob_TwoDue_TheSecondRemovalIsHeld_AndStaysSuspended()
    {
        await _acme.SetUpAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        await _acme.PatchUserActiveAsync("carol@acme.test", active: false);
        _clock.Advance(TimeSpan.FromHours(2));
        await _acme.PatchUserActiveAsync("dave@acme.test", active: false); // each suspension alone in its window
        _clock.Advance(TimeSpan.FromDays(31));

        await _acme.Services.GetRequiredService<RemovalGracePeriod>().RunOnceAsync();

        Assert.Equal(MembershipStatus.Removed, (await _acme.MembershipAsync("carol@acme.test")).Status);
        Assert.Equal(MembershipStatus.Suspended, (await _acme.MembershipAsync("dave@acme.test")).Status);
        var held = Assert.Single((await Staged.ListAsync(_acme.Acme, Alice))!);
        Assert.Equal(("dave@acme.test", ChangeKind.Deprovision, RemovalGracePeriod.RequestedBy), (held.Email, held.Change, held.Path));
    }

    [Fact]
    public async Task MappingSave_IsNotHeld_ButWhatItAppliedCountsTowardTheWindow()
    {
        await _acme.SetUpAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        var settings = _acme.Services.GetRequiredService<ProvisioningSettingsService>();
        // Without the admins mapping Bob, in the users group too, becomes a User: the save's own typed review covers it.
        var draft = new ProvisioningDraft(ProvisioningMode.Scim, true, [new RoleMapping(AcmeDirectorySync.Owners, Role.Owner), new RoleMapping(AcmeDirectorySync.Users, Role.User)],
            [], null, 2);
        var preview = await settings.PreviewAsync(_acme.Acme, draft, Alice);
        Assert.Empty((await settings.SaveAsync(_acme.Acme, draft, Alice, preview.AffectedOthers)).Errors);
        Assert.Equal(Role.User, (await _acme.MembershipAsync("bob@acme.test")).Role);

        await _acme.PatchUserActiveAsync("carol@acme.test", active: false);

        Assert.Equal(MembershipStatus.Active, (await _acme.MembershipAsync("carol@acme.test")).Status);
        Assert.Equal(ChangeKind.Suspend, Assert.Single((await Staged.ListAsync(_acme.Acme, Alice))!).Change);
    }

    private StagedRemovalService Staged => _acme.Services.GetRequiredService<StagedRemovalService>();

    private async Task SetUpOwnersAsync()
    {
        await _acme.SetUpAsync();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: true, "carol@acme.test", "dave@acme.test"); // promotions are not counted
        Assert.Equal(Role.Owner, (await _acme.MembershipAsync("dave@acme.test")).Role);
        _clock.Advance(TimeSpan.FromHours(2));
    }

    private async Task AssertCarolDemotedDaveHeldAsync(string path)
    {
        Assert.Equal(Role.User, (await _acme.MembershipAsync("carol@acme.test")).Role);
        var dave = await _acme.MembershipAsync("dave@acme.test");
        Assert.Equal((Role.Owner, MembershipStatus.Active), (dave.Role, dave.Status));
        var held = Assert.Single((await Staged.ListAsync(_acme.Acme, Alice))!);
        Assert.Equal(("dave@acme.test", ChangeKind.Demote, "Owner → User", path), (held.Email, held.Change, held.Asked, held.Path));
    }
}

public sealed class SqliteMassChangePathTests() : MassChangePathTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresMassChangePathTests() : MassChangePathTests(new PostgresPortalFixture());
