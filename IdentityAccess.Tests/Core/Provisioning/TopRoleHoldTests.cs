using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// Each IdP path against Acme's last Owner (issue 16): the change that would leave Acme without an active Owner is held
/// (Alice stays Owner), everything else the path asked is applied, and one open row and one audit entry say so.
/// </summary>
public abstract class TopRoleHoldTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly AcmeDirectorySync _acme = new(portal);

    public async Task InitializeAsync()
    {
        portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1000000"; // the breaker has its own test below
        await portal.InitializeAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task ScimPatch_LastOwnersLeaveTheOwnerGroup_OneKeptAndHeld_TheOtherDemoted_NoteInTheLog()
    {
        await _acme.SetUpAsync();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: true, "bob@acme.test"); // Bob is Owner too, for now

        using var log = ProvisioningLogScope.Begin();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: false, "alice@acme.test", "bob@acme.test");

        await AssertAliceHeldAsync(ChangeKind.Demote, Role.User, MembershipStatus.Active, "Directory sync (SCIM)");
        Assert.Equal(Role.Admin, (await _acme.MembershipAsync("bob@acme.test")).Role); // the rest of the request applied
        Assert.Contains("Held: alice@acme.test kept as the last Owner of Acme", log.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScimPutUser_LastOwnerInactive_SuspensionHeld()
    {
        await _acme.SetUpAsync();

        await _acme.PutUserAsync("alice@acme.test", active: false);

        await AssertAliceHeldAsync(ChangeKind.Suspend, null, MembershipStatus.Suspended, "Directory sync (SCIM)");
    }

    [Fact]
    public async Task ScimPatchUser_LastOwnerDeactivated_SuspensionHeld_RepeatedRequestsKeepOneRow()
    {
        await _acme.SetUpAsync();

        await _acme.PatchUserActiveAsync("alice@acme.test", active: false);
        await _acme.PatchUserActiveAsync("alice@acme.test", active: false);

        await AssertAliceHeldAsync(ChangeKind.Suspend, null, MembershipStatus.Suspended, "Directory sync (SCIM)");
    }

    [Fact]
    public async Task ScimDelete_LastOwner_RemovalHeld()
    {
        await _acme.SetUpAsync();

        await _acme.DeleteUserAsync("alice@acme.test");

        await AssertAliceHeldAsync(ChangeKind.Deprovision, null, MembershipStatus.Removed, "Directory sync (SCIM)");
    }

    [Fact]
    public async Task JitSignIn_LastOwnerWithoutTheOwnerGroup_SignsInAsOwnerAndTheDemotionIsHeld()
    {
        await _acme.SetUpAsync(ProvisioningMode.Jit);

        var access = await _acme.SignInAsync("alice@acme.test", AcmeDirectorySync.Users);

        Assert.True(access.Single(a => a.OrganizationId == _acme.Acme).CanSignIn);
        await AssertAliceHeldAsync(ChangeKind.Demote, Role.User, MembershipStatus.Active, "SAML sign-in");
    }

    [Fact]
    public async Task SyncNow_LastOwnerAndAUserGoneFromTheDirectory_OwnerHeldUserRemoved()
    {
        await _acme.SetUpAsync();
        await _acme.LeaveGroupQuietlyAsync(AcmeDirectorySync.Owners, "alice@acme.test");
        await _acme.DeleteUserQuietlyAsync("carol@acme.test");

        var outcome = await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, portal.Demo.Person("bob@acme.test"));

        Assert.Null(outcome.Refusal);
        Assert.Equal(1, outcome.Changed);
        Assert.Equal(MembershipStatus.Removed, (await _acme.MembershipAsync("carol@acme.test")).Status);
        await AssertAliceHeldAsync(ChangeKind.Demote, Role.User, MembershipStatus.Active, "Sync now");
    }

    [Fact]
    public async Task ScheduledReconcile_LastOwnerGoneFromTheOwnerGroup_Held()
    {
        await _acme.SetUpAsync();
        await _acme.LeaveGroupQuietlyAsync(AcmeDirectorySync.Owners, "alice@acme.test");
        await _acme.DeleteUserQuietlyAsync("carol@acme.test");

        await _acme.Services.GetRequiredService<ScheduledReconcile>().RunOnceAsync();

        Assert.Equal(MembershipStatus.Removed, (await _acme.MembershipAsync("carol@acme.test")).Status);
        await AssertAliceHeldAsync(ChangeKind.Demote, Role.User, MembershipStatus.Active, "Scheduled reconcile");
    }

    [Fact]
    public async Task Held_AnotherOwnerAppearsInTheDirectory_AppliedAutomatically()
    {
        await _acme.SetUpAsync();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: false, "alice@acme.test");

        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: true, "bob@acme.test"); // touches Bob only

        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((Role.User, Role.Owner), (alice.Role, alice.RoleBeforeSync));
        Assert.Equal(Role.Owner, (await _acme.MembershipAsync("bob@acme.test")).Role);
        var held = Assert.Single(await _acme.HoldsAsync());
        Assert.Equal((TopRoleHolds.AppliedAutomatically, "Directory sync (SCIM)"), (held.Resolution, held.ResolvedBy));
        Assert.Equal(["alice@acme.test"], await _acme.AuditTargetsAsync("membership.top_role_change_applied"));
    }

    [Fact]
    public async Task Held_TheIdpAddsThePersonBack_Withdrawn()
    {
        await _acme.SetUpAsync();
        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: false, "alice@acme.test");

        await _acme.PatchGroupAsync(AcmeDirectorySync.Owners, add: true, "alice@acme.test");

        Assert.Equal(Role.Owner, (await _acme.MembershipAsync("alice@acme.test")).Role);
        Assert.Equal(TopRoleHolds.Withdrawn, Assert.Single(await _acme.HoldsAsync()).Resolution);
        Assert.Equal(["alice@acme.test"], await _acme.AuditTargetsAsync("membership.top_role_change_withdrawn"));
    }

    [Fact]
    public async Task MassRemovalAndLastOwner_InOneSyncNow_OwnerHeldNotStaged_OthersStaged()
    {
        await DisposeAsync();
        portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "0"; // with 10 % of seven members: every removal is held
        await portal.InitializeAsync();
        await _acme.SetUpAsync();
        foreach (var email in new[] { "alice@acme.test", "carol@acme.test", "dave@acme.test", "frank@acme.test" })
        {
            await _acme.DeleteUserQuietlyAsync(email);
        }

        await _acme.Services.GetRequiredService<SyncNowService>().SyncAsync(_acme.Acme, portal.Demo.Person("bob@acme.test"));

        var staged = (await _acme.Services.GetRequiredService<StagedRemovalService>().ListAsync(_acme.Acme, portal.Demo.Person("alice@acme.test")))!;
        Assert.Equal(["carol@acme.test", "dave@acme.test", "frank@acme.test"], staged.Select(s => s.Email));
        Assert.Equal(ChangeKind.Deprovision, Assert.Single(await _acme.HoldsAsync(), h => h.ResolvedAt == null).Change);

        // Approving the staged removals leaves the hold alone: Alice is still the Owner Acme keeps.
        Assert.Equal(3, (await _acme.Services.GetRequiredService<StagedRemovalService>().ApplyAllAsync(_acme.Acme, portal.Demo.Person("alice@acme.test"), "3")).Count);
        Assert.Equal((Role.Owner, MembershipStatus.Active), await RoleAndStatusAsync("alice@acme.test"));
        Assert.Single(await _acme.HoldsAsync(), h => h.ResolvedAt == null);
    }

    private async Task<(Role, MembershipStatus)> RoleAndStatusAsync(string email)
    {
        var membership = await _acme.MembershipAsync(email);
        return (membership.Role, membership.Status);
    }

    private async Task AssertAliceHeldAsync(ChangeKind change, Role? toRole, MembershipStatus toStatus, string requestedBy)
    {
        Assert.Equal((Role.Owner, MembershipStatus.Active), await RoleAndStatusAsync("alice@acme.test"));
        var held = Assert.Single(await _acme.HoldsAsync());
        Assert.Equal((await _acme.PersonAsync("alice@acme.test"), change, Role.Owner, toRole, toStatus, requestedBy, (DateTimeOffset?)null),
            (held.PersonId, held.Change, held.FromRole, held.ToRole, held.ToStatus, held.RequestedBy, held.ResolvedAt));
        Assert.Equal(["alice@acme.test"], await _acme.AuditTargetsAsync("membership.top_role_change_held"));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.True(await db.Memberships.AnyAsync(m => m.OrganizationId == _acme.Acme && m.Role == Role.Owner && m.Status == MembershipStatus.Active));
    }
}

public sealed class SqliteTopRoleHoldTests() : TopRoleHoldTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresTopRoleHoldTests() : TopRoleHoldTests(new PostgresPortalFixture());
