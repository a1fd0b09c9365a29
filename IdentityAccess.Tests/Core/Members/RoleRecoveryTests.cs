using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>
/// The help article's "I lost Admin/Owner", option 1, and roles set by hand where group mappings decide (issue 16): a
/// hand edit is kept as an override that every IdP path respects until the IdP agrees or an Owner clears it, and a
/// role sync took can be restored once by another Admin or Owner.
/// </summary>
public abstract class RoleRecoveryTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly AcmeDirectorySync _acme = new(portal);

    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private MemberAdministration Members => _acme.Services.GetRequiredService<MemberAdministration>();

    private Guid Person(string email) => portal.Demo.Person(email);

    [Fact]
    public async Task ChangeRole_WhereMappingsDecide_KeptAsOverrideBySyncNowTheScheduledReconcileAndScim()
    {
        await _acme.SetUpAsync();

        Assert.Empty(await Members.ChangeRoleAsync(_acme.Acme, (await _acme.MembershipAsync("carol@acme.test")).Id, Role.Admin, SeatTier.Standard, Person("alice@acme.test")));
        await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, Person("alice@acme.test"));
        await _acme.Services.GetRequiredService<ScheduledReconcile>().RunOnceAsync();
        await _acme.PatchUserActiveAsync("carol@acme.test", active: true); // a SCIM request that reconciles Carol

        var carol = await _acme.MembershipAsync("carol@acme.test");
        Assert.Equal((Role.Admin, Role.Admin, "Alice Anders"), (carol.Role, carol.RoleOverride, carol.RoleOverrideSetBy));
        Assert.Equal(["carol@acme.test"], await _acme.AuditTargetsAsync("membership.role_override_set"));
        var why = (await _acme.Services.GetRequiredService<ProvisioningSettingsService>().ExplainAsync(_acme.Acme, carol.PersonId, Person("alice@acme.test")))!;
        Assert.StartsWith("Role kept by hand: Admin, set by Alice Anders on ", why.Outcome.Reasons[0].Text, StringComparison.Ordinal);
        Assert.Empty(why.Outcome.Changes);
    }

    [Fact]
    public async Task Override_TheIdpGrantsTheSameRole_ClearedAndAudited()
    {
        await _acme.SetUpAsync();
        Assert.Empty(await Members.ChangeRoleAsync(_acme.Acme, (await _acme.MembershipAsync("carol@acme.test")).Id, Role.Admin, SeatTier.Standard, Person("alice@acme.test")));

        await _acme.PatchGroupAsync(AcmeDirectorySync.Admins, add: true, "carol@acme.test");

        var carol = await _acme.MembershipAsync("carol@acme.test");
        Assert.Equal((Role.Admin, (Role?)null, (string?)null), (carol.Role, carol.RoleOverride, carol.RoleOverrideSetBy));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal("Directory sync (SCIM)", await db.AuditEvents.Where(e => e.Action == "membership.role_override_cleared").Select(e => e.Actor).SingleAsync());
    }

    [Fact]
    public async Task ChangeRole_UnderJitWithMappings_OverrideKeptAtTheNextSignIn()
    {
        await _acme.SetUpAsync(ProvisioningMode.Jit);
        await _acme.SignInAsync("alice@acme.test", AcmeDirectorySync.Owners);
        await _acme.SignInAsync("carol@acme.test", AcmeDirectorySync.Users);

        Assert.Empty(await Members.ChangeRoleAsync(_acme.Acme, (await _acme.MembershipAsync("carol@acme.test")).Id, Role.Admin, SeatTier.Standard, Person("alice@acme.test")));
        await _acme.SignInAsync("carol@acme.test", AcmeDirectorySync.Users);

        Assert.Equal((Role.Admin, (Role?)Role.Admin), await RoleAsync("carol@acme.test"));
    }

    [Fact]
    public async Task ChangeRole_ManualOrganization_NoOverride()
    {
        Assert.Empty(await Members.ChangeRoleAsync(_acme.Acme, (await _acme.MembershipAsync("carol@acme.test")).Id, Role.Admin, SeatTier.Standard, Person("alice@acme.test")));

        Assert.Equal((Role.Admin, (Role?)null), await RoleAsync("carol@acme.test"));
    }

    [Fact]
    public async Task ClearOverride_ByTheOwner_TheNextSyncDecidesAgain()
    {
        await _acme.SetUpAsync();
        var carol = (await _acme.MembershipAsync("carol@acme.test")).Id;
        Assert.Empty(await Members.ChangeRoleAsync(_acme.Acme, carol, Role.Admin, SeatTier.Standard, Person("alice@acme.test")));

        Assert.Empty(await Members.ClearOverrideAsync(_acme.Acme, carol, Person("alice@acme.test")));
        await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, Person("alice@acme.test"));

        Assert.Equal((Role.User, (Role?)null), await RoleAsync("carol@acme.test"));
        Assert.Equal(["carol@acme.test"], await _acme.AuditTargetsAsync("membership.role_override_cleared"));
    }

    [Theory]
    [InlineData("bob@acme.test")]   // a chat Admin: manages people, not the identity settings
    [InlineData("oscar@acme.test")] // the Admin of the sibling organization Acme Labs
    public async Task ClearOverride_WithoutManageIdentityAccess_RefusedAndNothingChanged(string email)
    {
        await _acme.SetUpAsync();
        var carol = (await _acme.MembershipAsync("carol@acme.test")).Id;
        Assert.Empty(await Members.ChangeRoleAsync(_acme.Acme, carol, Role.Admin, SeatTier.Standard, Person("alice@acme.test")));

        Assert.IsType<AccessRefused>(Assert.Single(await Members.ClearOverrideAsync(_acme.Acme, carol, Person(email))));

        Assert.Equal((Role.Admin, (Role?)Role.Admin), await RoleAsync("carol@acme.test"));
        Assert.Equal(0, await _acme.AuditCountAsync("membership.role_override_cleared"));
    }

    [Fact]
    public async Task RestorePreviousRole_ByAChatAdmin_GivesBackOwnerOnceAsAnOverride()
    {
        var alice = await AliceDemotedByTheIdpAsync();

        Assert.Empty(await Members.RestorePreviousRoleAsync(_acme.Acme, alice, Person("bob@acme.test")));
        await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, Person("bob@acme.test"));

        var row = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((Role.Owner, Role.Owner, "Bob Brown", (Role?)null), (row.Role, row.RoleOverride, row.RoleOverrideSetBy, row.RoleBeforeSync));
        Assert.Equal(["alice@acme.test"], await _acme.AuditTargetsAsync("membership.role_restored"));

        // Only once: the second time there is nothing to restore, and nothing changes.
        Assert.IsType<NothingToRestore>(Assert.Single(await Members.RestorePreviousRoleAsync(_acme.Acme, alice, Person("bob@acme.test"))));
        Assert.Single(await _acme.AuditTargetsAsync("membership.role_restored"));
    }

    [Theory]
    [InlineData("carol@acme.test")] // a chat User
    [InlineData("oscar@acme.test")] // the Admin of the sibling organization Acme Labs
    [InlineData("grace@globex.test")] // another parent's Owner
    public async Task RestorePreviousRole_WithoutThePermission_RefusedAndNothingChanged(string email)
    {
        var alice = await AliceDemotedByTheIdpAsync();

        Assert.IsType<AccessRefused>(Assert.Single(await Members.RestorePreviousRoleAsync(_acme.Acme, alice, Person(email))));

        await AssertAliceStillDemotedAsync();
    }

    [Fact]
    public async Task RestorePreviousRole_OnesOwn_RefusedAndNothingChanged()
    {
        var alice = await AliceDemotedByTheIdpAsync(alsoAdmin: true); // Admin now, so she holds the permission herself

        Assert.IsType<CannotRestoreOwnRole>(Assert.Single(await Members.RestorePreviousRoleAsync(_acme.Acme, alice, Person("alice@acme.test"))));

        await AssertAliceStillDemotedAsync(Role.Admin);
    }

    [Fact]
    public async Task RestorePreviousRole_AfterTheIdpGrantsItAgain_NothingToRestore()
    {
        var alice = await AliceDemotedByTheIdpAsync();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: true, "alice@acme.test");

        Assert.IsType<NothingToRestore>(Assert.Single(await Members.RestorePreviousRoleAsync(_acme.Acme, alice, Person("bob@acme.test"))));
        var row = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((Role.Owner, (Role?)null, (Role?)null), (row.Role, row.RoleBeforeSync, row.RoleOverride));
    }

    // Gina is made Owner through the IdP first, so taking Owner from Alice is applied (not held): the role sync took is remembered.
    private async Task<Guid> AliceDemotedByTheIdpAsync(bool alsoAdmin = false)
    {
        await _acme.SetUpAsync();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: true, "gina@acme.test");
        if (alsoAdmin)
        {
            await _acme.PatchGroupAsync(AcmeDirectorySync.Admins, add: true, "alice@acme.test");
        }

        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: false, "alice@acme.test");
        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((alsoAdmin ? Role.Admin : Role.User, (Role?)Role.Owner), (alice.Role, alice.RoleBeforeSync));
        return alice.Id;
    }

    private async Task AssertAliceStillDemotedAsync(Role role = Role.User)
    {
        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((role, (Role?)Role.Owner, (Role?)null), (alice.Role, alice.RoleBeforeSync, alice.RoleOverride));
        Assert.Equal(0, await _acme.AuditCountAsync("membership.role_restored"));
    }

    private async Task<(Role Role, Role? Override)> RoleAsync(string email)
    {
        var row = await _acme.MembershipAsync(email);
        return (row.Role, row.RoleOverride);
    }
}

public sealed class SqliteRoleRecoveryTests() : RoleRecoveryTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresRoleRecoveryTests() : RoleRecoveryTests(new PostgresPortalFixture());
