using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// Deciding on a held last-Owner change: Acme under directory sync, the IdP took Alice (the only Owner) out of the owner
/// group, and the demotion to User is held. Apply needs another Owner and her email typed; Keep makes her role an override.
/// </summary>
public abstract class HeldTopRoleChangeServiceTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly AcmeDirectorySync _acme = new(portal);
    private Guid _held;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        await _acme.SetUpAsync();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: false, "alice@acme.test");
        _held = Assert.Single(await _acme.HoldsAsync()).Id;
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private HeldTopRoleChangeService Service => _acme.Services.GetRequiredService<HeldTopRoleChangeService>();

    private Guid Person(string email) => portal.Demo.Person(email);

    [Fact]
    public async Task List_TopRoleSeesTheChangeAndMayResolveIt()
    {
        var list = (await Service.ListAsync(_acme.Acme, Person("alice@acme.test")))!;

        var held = Assert.Single(list.Items);
        Assert.True(list.CanResolve);
        Assert.Equal(("alice@acme.test", "Demote from Owner to User", "Directory sync (SCIM)"), (held.Email, held.Asked, held.RequestedBy));
        Assert.Contains("Group 'anthropic-claude-users' → User.", held.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(held.Reasons, r => r.Code == ReasonCode.AsRecorded); // kept as codes, worded by the page
        Assert.Equal(held.Reason, string.Join(" ", held.Reasons.Select(r => r.Text)));
    }

    [Fact]
    public async Task List_ChatAdminSeesButMayNotResolve_UserAndSiblingAdminSeeNothing()
    {
        Assert.False((await Service.ListAsync(_acme.Acme, Person("bob@acme.test")))!.CanResolve);
        Assert.Null(await Service.ListAsync(_acme.Acme, Person("carol@acme.test")));
        Assert.Null(await Service.ListAsync(_acme.Acme, Person("oscar@acme.test")));
    }

    [Fact]
    public async Task Apply_WhileNobodyElseIsOwner_RefusedAsConflictAndNothingChanged()
    {
        var refused = await Service.ApplyAsync(_acme.Acme, _held, "alice@acme.test", Person("alice@acme.test"));

        Assert.Equal("Applying this would leave Acme with no active Owner. Make someone else Owner first.", Assert.IsType<HeldChangeLeavesNoTopRole>(refused).Message);
        await AssertStillHeldAsync();
    }

    [Fact]
    public async Task Apply_WithoutTheEmailTyped_RefusedAndNothingChanged()
    {
        await MakeBobOwnerByHandAsync();

        var refused = await Service.ApplyAsync(_acme.Acme, _held, "bob@acme.test", Person("bob@acme.test"));

        Assert.Equal(("confirmation", "Type alice@acme.test to confirm."), (Assert.IsType<HeldChangeConfirmationRequired>(refused).Field, refused!.Message));
        await AssertStillHeldAsync();
    }

    [Fact]
    public async Task Apply_OnceAnotherOwnerExists_DoesWhatTheIdpAskedRemembersTheRoleAndResolves()
    {
        await MakeBobOwnerByHandAsync();

        Assert.Null(await Service.ApplyAsync(_acme.Acme, _held, " ALICE@acme.test ", Person("bob@acme.test")));

        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((Role.User, Role.Owner, MembershipStatus.Active), (alice.Role, alice.RoleBeforeSync, alice.Status));
        var held = Assert.Single(await _acme.HoldsAsync());
        Assert.Equal((TopRoleHolds.Applied, "Bob Brown"), (held.Resolution, held.ResolvedBy));
        Assert.Equal(["alice@acme.test"], await _acme.AuditTargetsAsync("membership.top_role_change_applied"));
        Assert.Empty((await Service.ListAsync(_acme.Acme, Person("bob@acme.test")))!.Items);
    }

    [Fact]
    public async Task Keep_RoleBecomesAnOverride_TheNextSyncNowRespectsIt()
    {
        Assert.Null(await Service.KeepAsync(_acme.Acme, _held, Person("alice@acme.test")));
        var outcome = await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, Person("alice@acme.test"));

        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((Role.Owner, Role.Owner, "Alice Anders", MembershipSource.Scim), (alice.Role, alice.RoleOverride, alice.RoleOverrideSetBy, alice.Source));
        Assert.Equal(0, outcome.Changed);
        Assert.Equal(TopRoleHolds.Kept, Assert.Single(await _acme.HoldsAsync()).Resolution); // no new hold: the override keeps her Owner
        Assert.Equal(["alice@acme.test"], await _acme.AuditTargetsAsync("membership.top_role_change_kept"));
    }

    [Fact]
    public async Task Keep_ARemoval_MakesTheMembershipHandManaged()
    {
        await _acme.DeleteUserAsync("alice@acme.test"); // now the IdP asks to remove her: same row, updated
        var held = Assert.Single(await _acme.HoldsAsync());
        Assert.Equal(ChangeKind.Deprovision, held.Change);

        Assert.Null(await Service.KeepAsync(_acme.Acme, held.Id, Person("alice@acme.test")));
        await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, Person("alice@acme.test"));

        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((Role.Owner, MembershipStatus.Active, MembershipSource.Manual), (alice.Role, alice.Status, alice.Source));
        Assert.DoesNotContain(await _acme.HoldsAsync(), h => h.ResolvedAt == null);
    }

    [Theory]
    [InlineData("oscar@acme.test")] // the Admin of the sibling organization Acme Labs, not a parent admin
    [InlineData("bob@acme.test")]   // a chat Admin of Acme
    [InlineData("carol@acme.test")] // a chat User of Acme
    public async Task ApplyOrKeep_WithoutResolveHeldChanges_RefusedAndNothingChanged(string email)
    {
        await MakeGinaOwnerAsync(); // so only the permission stands in the way

        var applied = await Service.ApplyAsync(_acme.Acme, _held, "alice@acme.test", Person(email));
        var kept = await Service.KeepAsync(_acme.Acme, _held, Person(email));

        Assert.IsType<AccessRefused>(applied);
        Assert.IsType<AccessRefused>(kept);
        await AssertStillHeldAsync();
    }

    [Fact]
    public async Task ApplyOrKeep_ThroughAnotherOrganization_NotFoundAndNothingChanged()
    {
        // Oscar is Admin of Acme Labs: naming Acme's held change under his own organization finds nothing.
        Assert.IsType<HeldChangeNotFound>(await Service.KeepAsync(portal.Demo.AcmeLabs, _held, Person("oscar@acme.test")));
        Assert.IsType<HeldChangeNotFound>(await Service.ApplyAsync(portal.Demo.AcmeLabs, _held, "alice@acme.test", Person("oscar@acme.test")));
        await AssertStillHeldAsync();
    }

    private async Task MakeBobOwnerByHandAsync() =>
        Assert.Empty(await _acme.Services.GetRequiredService<MemberAdministration>().ChangeRoleAsync(_acme.Acme,
            (await _acme.MembershipAsync("bob@acme.test")).Id, Role.Owner, SeatTier.Premium, Person("alice@acme.test")));

    private async Task MakeGinaOwnerAsync()
    {
        var gina = await _acme.MembershipAsync("gina@acme.test");
        Assert.Empty(await _acme.Services.GetRequiredService<MemberAdministration>().ChangeRoleAsync(_acme.Acme, gina.Id, Role.Owner, gina.SeatTier,
            Person("alice@acme.test")));
    }

    private async Task AssertStillHeldAsync()
    {
        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((Role.Owner, MembershipStatus.Active, (Role?)null), (alice.Role, alice.Status, alice.RoleOverride));
        Assert.Null(Assert.Single(await _acme.HoldsAsync()).ResolvedAt);
        Assert.Equal(0, await _acme.AuditCountAsync("membership.top_role_change_applied") + await _acme.AuditCountAsync("membership.top_role_change_kept"));
    }
}

public sealed class SqliteHeldTopRoleChangeServiceTests() : HeldTopRoleChangeServiceTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresHeldTopRoleChangeServiceTests() : HeldTopRoleChangeServiceTests(new PostgresPortalFixture());
