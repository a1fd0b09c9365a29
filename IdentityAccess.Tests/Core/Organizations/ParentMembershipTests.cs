using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Organizations;

/// <summary>
/// A standalone Console organization (Erin's) asks to join Acme's parent, which approves or declines; organizations
/// leave; the plan stand-in. A move resets what the old parent's IdP managed and deletes a parent left empty.
/// </summary>
public abstract class ParentMembershipTests(PortalFixture portal) : IAsyncLifetime
{
    private Guid _erinsOrganization;
    private Guid _erinsParent;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        var created = await Service<OrganizationCreator>().CreateParentAsync(
            new NewParentOrganization("Erin's Lab", new NewOrganization("Erin Console", OrganizationPlan.Console, ConsoleSeats: 3)), Erin);
        (_erinsOrganization, _erinsParent) = (created.OrganizationId, created.ParentId);
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private Guid Erin => portal.Demo.Person("erin@acme.test");

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    private T Service<T>()
        where T : notnull => portal.Factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task Request_ThenApprove_MovesTheOrganization_ResetsWhatTheOldIdpManaged_DeletesTheEmptyParent()
    {
        // Erin's organization ran on its own IdP: a SCIM-provisioned member, a mapping, directory sync, a domain, Erin as break-glass owner.
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == _erinsOrganization);
            (organization.ProvisioningMode, organization.AdvancedGroupMappingsEnabled, organization.BreakGlassPersonId) = (ProvisioningMode.Scim, true, Erin);
            db.Memberships.Add(new Membership
            {
                OrganizationId = _erinsOrganization,
                PersonId = portal.Demo.Person("dave@acme.test"),
                Role = Role.Developer,
                Status = MembershipStatus.Active,
                Source = MembershipSource.Scim,
                RoleOverride = Role.Developer,
                CreatedAt = DateTimeOffset.UtcNow,
                StatusChangedAt = DateTimeOffset.UtcNow,
            });
            db.GroupMappings.Add(new GroupMapping { OrganizationId = _erinsOrganization, GroupExternalId = "erins-devs", Role = Role.Developer });
            db.VerifiedDomains.Add(new VerifiedDomain { ParentOrganizationId = _erinsParent, Domain = "erin.example", Challenge = "x", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Null(await Service<ParentMembership>().RequestToJoinAsync(_erinsOrganization, portal.Demo.AcmeParent, Erin));
        var pending = Assert.Single((await Service<JoinRequestReview>().ListPendingAsync(portal.Demo.AcmeParent, Alice))!);
        Assert.Equal(("Erin Console", 2), (pending.OrganizationName, pending.MemberCount));
        Assert.Equal("Acme Corporation", (await Service<ParentMembership>().GetAsync(_erinsOrganization, Erin))!.PendingRequest!.ParentName);

        Assert.Null(await Service<JoinRequestReview>().ApproveAsync(portal.Demo.AcmeParent, pending.Id, Alice));

        await using var after = await portal.Factory.CreateDbContextAsync();
        var moved = await after.Organizations.SingleAsync(o => o.Id == _erinsOrganization);
        Assert.Equal((portal.Demo.AcmeParent, ProvisioningMode.Manual, false, (Guid?)Erin),
            (moved.ParentOrganizationId, moved.ProvisioningMode, moved.AdvancedGroupMappingsEnabled, moved.BreakGlassPersonId));
        var dave = await after.Memberships.SingleAsync(m => m.OrganizationId == _erinsOrganization && m.PersonId == portal.Demo.Person("dave@acme.test"));
        Assert.Equal((MembershipSource.Manual, MembershipStatus.Active, (Role?)null), (dave.Source, dave.Status, dave.RoleOverride));
        Assert.False(await after.GroupMappings.AnyAsync(m => m.OrganizationId == _erinsOrganization));
        Assert.False(await after.ParentOrganizations.AnyAsync(p => p.Id == _erinsParent));
        Assert.False(await after.VerifiedDomains.AnyAsync(d => d.Domain == "erin.example"));
        Assert.False(await after.ParentAdministrators.AnyAsync(a => a.ParentOrganizationId == _erinsParent));
        Assert.Equal(JoinRequestStatus.Approved, (await after.OrganizationJoinRequests.SingleAsync()).Status);
        Assert.Equal(2, await after.AuditEvents.CountAsync(e => e.Action == "organization.joined_parent"));
        Assert.True(await after.AuditEvents.AnyAsync(e => e.Action == "organization.joined_parent" && e.OrganizationId == null && e.ParentOrganizationId == portal.Demo.AcmeParent));
        Assert.True(await after.AuditEvents.AnyAsync(e => e.Action == "organization.joined_parent" && e.OrganizationId == _erinsOrganization && e.ParentOrganizationId == _erinsParent));
    }

    [Fact]
    public async Task Request_Twice_Conflict_UnknownParent_NotFound_NotAStandaloneConsole_Conflict()
    {
        Assert.IsType<ParentNotFound>(await Service<ParentMembership>().RequestToJoinAsync(_erinsOrganization, Guid.NewGuid(), Erin));
        Assert.Null(await Service<ParentMembership>().RequestToJoinAsync(_erinsOrganization, portal.Demo.AcmeParent, Erin));
        Assert.IsType<JoinRequestAlreadyPending>(await Service<ParentMembership>().RequestToJoinAsync(_erinsOrganization, portal.Demo.GlobexParent, Erin));
        // Acme Labs shares its parent with others: it leaves first.
        Assert.IsType<NotAStandaloneConsoleOrganization>(await Service<ParentMembership>()
            .RequestToJoinAsync(portal.Demo.AcmeLabs, portal.Demo.GlobexParent, portal.Demo.Person("oscar@acme.test")));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.OrganizationJoinRequests.CountAsync());
    }

    [Fact]
    public async Task Request_BySomeoneNotTheTopRole_Refused()
    {
        var refused = await Service<ParentMembership>().RequestToJoinAsync(_erinsOrganization, portal.Demo.AcmeParent, Alice);

        Assert.Equal(RefusalCategory.NotAllowed, refused!.Category);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.OrganizationJoinRequests.AnyAsync());
    }

    [Fact]
    public async Task Decline_LeavesTheOrganizationWhereItIs_Withdraw_EndsTheRequest()
    {
        Assert.Null(await Service<ParentMembership>().RequestToJoinAsync(_erinsOrganization, portal.Demo.AcmeParent, Erin));
        var request = Assert.Single((await Service<JoinRequestReview>().ListPendingAsync(portal.Demo.AcmeParent, Alice))!);
        // Another parent's admin cannot decide it, and does not learn of it.
        Assert.IsType<JoinRequestNotFound>(await Service<JoinRequestReview>().DeclineAsync(portal.Demo.GlobexParent, request.Id, portal.Demo.Person("grace@globex.test")));

        Assert.Null(await Service<JoinRequestReview>().DeclineAsync(portal.Demo.AcmeParent, request.Id, Alice));
        Assert.IsType<JoinRequestNotFound>(await Service<JoinRequestReview>().ApproveAsync(portal.Demo.AcmeParent, request.Id, Alice));

        Assert.Null(await Service<ParentMembership>().RequestToJoinAsync(_erinsOrganization, portal.Demo.AcmeParent, Erin));
        Assert.Null(await Service<ParentMembership>().WithdrawAsync(_erinsOrganization, Erin));
        Assert.IsType<JoinRequestNotFound>(await Service<ParentMembership>().WithdrawAsync(_erinsOrganization, Erin));

        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(_erinsParent, (await db.Organizations.SingleAsync(o => o.Id == _erinsOrganization)).ParentOrganizationId);
        Assert.Equal([JoinRequestStatus.Declined, JoinRequestStatus.Withdrawn], (await db.OrganizationJoinRequests.Select(r => r.Status).ToListAsync()).Order());
        Assert.Empty((await Service<JoinRequestReview>().ListPendingAsync(portal.Demo.AcmeParent, Alice))!);
    }

    [Fact]
    public async Task Leave_GetsAParentOfItsOwn_WithTheLeaverAsItsAdmin()
    {
        var oscar = portal.Demo.Person("oscar@acme.test");

        Assert.Null(await Service<ParentMembership>().LeaveAsync(portal.Demo.AcmeLabs, oscar));

        await using var db = await portal.Factory.CreateDbContextAsync();
        var labs = await db.Organizations.Include(o => o.Parent).SingleAsync(o => o.Id == portal.Demo.AcmeLabs);
        Assert.Equal(("Acme Labs", ParentPlan.Console), (labs.Parent!.Name, labs.Parent.Plan));
        Assert.Equal(oscar, (await db.ParentAdministrators.SingleAsync(a => a.ParentOrganizationId == labs.ParentOrganizationId)).PersonId);
        Assert.Equal(2, await db.Organizations.CountAsync(o => o.ParentOrganizationId == portal.Demo.AcmeParent));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "organization.left_parent"));
        // Now standalone, it may ask to join a parent again.
        Assert.True((await Service<ParentMembership>().GetAsync(portal.Demo.AcmeLabs, oscar))!.CanRequestToJoin);
    }

    [Fact]
    public async Task Leave_TheParentsOnlyOrganization_Conflict()
    {
        var refused = await Service<ParentMembership>().LeaveAsync(portal.Demo.GlobexTeam, portal.Demo.Person("grace@globex.test"));

        Assert.Equal(RefusalCategory.Conflict, Assert.IsType<OnlyOrganizationOfParent>(refused).Category);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.ParentOrganizations.CountAsync(p => p.Name != "Erin's Lab"));
    }

    [Fact]
    public async Task Leave_ByAParentAdminWhoIsNotTheTopRole_Refused()
    {
        // Alice administers Acme's parent but is no member of Acme Labs.
        Assert.Equal(RefusalCategory.NotAllowed, (await Service<ParentMembership>().LeaveAsync(portal.Demo.AcmeLabs, Alice))!.Category);
    }

    [Fact]
    public async Task ChangePlan_EnterpriseToTeam_ChatOrganizationsFollow_ConsoleStays_ModesUntouched()
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Scim));
        }

        Assert.Null(await Service<ParentPlanChange>().ChangeAsync(portal.Demo.AcmeParent, ParentPlan.Team, Alice));

        await using var after = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(ParentPlan.Team, (await after.ParentOrganizations.SingleAsync(p => p.Id == portal.Demo.AcmeParent)).Plan);
        var plans = await after.Organizations.Where(o => o.ParentOrganizationId == portal.Demo.AcmeParent).ToDictionaryAsync(o => o.Name, o => (o.Plan, o.ProvisioningMode));
        Assert.Equal((OrganizationPlan.Team, ProvisioningMode.Scim), plans["Acme"]); // shown as paused, not switched off
        Assert.Equal(OrganizationPlan.Console, plans["Acme Console"].Plan);
        var audit = await after.AuditEvents.SingleAsync(e => e.Action == "parent.plan_changed");
        Assert.Equal(("""{"Plan":"Enterprise"}""", """{"Plan":"Team","Organizations":["Acme"]}"""), (audit.Before, audit.After));
    }

    [Fact]
    public async Task ChangePlan_ConsoleParent_NoChoice()
    {
        Assert.IsType<ParentPlanFixed>(await Service<ParentPlanChange>().ChangeAsync(_erinsParent, ParentPlan.Enterprise, Erin));

        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(ParentPlan.Console, (await db.ParentOrganizations.SingleAsync(p => p.Id == _erinsParent)).Plan);
    }
}

public sealed class SqliteParentMembershipTests() : ParentMembershipTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresParentMembershipTests() : ParentMembershipTests(new PostgresPortalFixture());
