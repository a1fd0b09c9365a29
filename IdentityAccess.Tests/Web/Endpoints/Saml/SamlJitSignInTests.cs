using System.Net;
using System.Text.Json;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// JIT at the ACS, through the real app: Acme's chat organization provisions just in time, the other Acme
/// organization stays Manual. Each test signs in with a signed Okta-shaped Response and checks the page, the session
/// and what was written.
/// </summary>
public abstract class SamlJitSignInTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    private const string DemoOwners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";
    private const string DemoAdmins = "6f1c2a9e-0002-4c1e-9a10-acme00000002";
    private const string DemoUsers = "6f1c2a9e-0003-4c1e-9a10-acme00000003";

    [Fact]
    public async Task Newcomer_InAMappedGroup_IsProvisionedWithThatGroupsRoleAndTier_AndSignedIn()
    {
        await SaveJitAsync(mappings: true);

        var acs = await SignInAsync("frank@acme.test", "okta-frank", Engineering);

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        var membership = await MembershipAsync("frank@acme.test");
        Assert.Equal((Role.Admin, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Jit),
            (membership!.Role, membership.SeatTier, membership.Status, membership.Source));
        using var me = JsonDocument.Parse(await (await GetMeAsync(SessionCookie(acs))).Content.ReadAsStringAsync());
        var acme = me.RootElement.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Acme");
        Assert.Equal("Admin", acme.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Newcomer_InNoMappedGroup_SeesTheDenialPage_IsNotAMember_AndIsListedForTheOwner()
    {
        await SaveJitAsync(mappings: true);

        var acs = await SignInAsync("gina@acme.test", "okta-gina", "00g-sales");

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        Assert.Contains("You are not in a group that grants access to Acme", await acs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SessionCookieOrNull(acs));
        Assert.Null(await MembershipAsync("gina@acme.test"));
        var settings = Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var notMembers = await settings.GetAssignedButNotMembersAsync(Demo.AcmeChat, Demo.Person("alice@acme.test"));
        var listed = Assert.Single(notMembers!.People, o => o.Person.Email == "gina@acme.test");
        Assert.Contains("In no group mapped to a role of Acme", listed.Reasons.Last().Text, StringComparison.Ordinal);
        var view = await settings.GetAsync(Demo.AcmeChat, Demo.Person("alice@acme.test"));
        // The group her assertion carried can now be picked for a mapping, under its id.
        Assert.Contains(view!.Groups, g => g.Key == "00g-sales" && g.DisplayName == "00g-sales (seen at sign-in)");
    }

    [Fact]
    public async Task ChangedGroupAtTheNextSignIn_ChangesTheRole_AndLeavingEveryMappedGroupBlocksSignInButKeepsThemListed()
    {
        await SaveJitAsync(mappings: true);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", Engineering)).StatusCode);

        var demoted = await SignInAsync("frank@acme.test", "okta-frank", Staff);
        var roleAfterDemotion = (await MembershipAsync("frank@acme.test"))!.Role;
        var blocked = await SignInAsync("frank@acme.test", "okta-frank");

        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.Equal(Role.User, roleAfterDemotion);
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Contains("not in a group that grants access to Acme", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.LoginBlocked, (await MembershipAsync("frank@acme.test"))!.Status);
    }

    [Fact]
    public async Task NoFreeSeat_NewcomerWaitsPending_SeesTheNoSeatPage_AndIsAdmittedAtASignInOnceASeatIsBought()
    {
        await SaveJitAsync(mappings: true);
        await SetSeatsAsync(premium: 2, standard: 2); // exactly the seats Acme's four members hold

        var waiting = await SignInAsync("frank@acme.test", "okta-frank", Engineering);

        Assert.Equal(HttpStatusCode.Forbidden, waiting.StatusCode);
        Assert.Contains("No seat available", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.PendingSeat, (await MembershipAsync("frank@acme.test"))!.Status);
        var queue = await Factory.Services.GetRequiredService<SeatQueueService>().GetAsync(Demo.AcmeChat, Demo.Person("alice@acme.test"));
        Assert.Contains(queue!.Waiting, w => w.Email == "frank@acme.test");

        await SetSeatsAsync(premium: 3, standard: 2);
        var admitted = await SignInAsync("frank@acme.test", "okta-frank", Engineering);

        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.Equal(MembershipStatus.Active, (await MembershipAsync("frank@acme.test"))!.Status);
    }

    [Fact]
    public async Task JitWithoutMappings_ProvisionsEveryNewcomerAsUser()
    {
        await SaveJitAsync(mappings: false);

        var acs = await SignInAsync("frank@acme.test", "okta-frank");

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal(Role.User, (await MembershipAsync("frank@acme.test"))!.Role);
    }

    [Fact]
    public async Task Newcomer_WhoseEmailDomainTheParentHasNotVerified_IsNeitherCreatedNorLinked()
    {
        await SaveJitAsync(mappings: false);

        var acs = await SignInAsync("mallory@unverified.example", "okta-mallory", Engineering);

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.Email == "mallory@unverified.example"));
    }

    [Fact]
    public async Task ExistingManualMember_OfAnotherOrganization_SignsInWithoutBeingProvisionedIntoTheJitOrgWhenNotInAMappedGroup()
    {
        await SaveJitAsync(mappings: true);

        var acs = await SignInAsync("erin@acme.test", "okta-erin", "00g-sales"); // Erin is a Developer of the Manual console org

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Null(await MembershipAsync("erin@acme.test"));
    }

    [Fact]
    public async Task EveryProvisioningAtSignIn_LeavesAnAuditEntry()
    {
        await SaveJitAsync(mappings: true);

        await SignInAsync("frank@acme.test", "okta-frank", Engineering);

        await using var db = await Factory.CreateDbContextAsync();
        var actions = await db.AuditEvents.Where(e => e.Target == "frank@acme.test").Select(e => e.Action).ToListAsync();
        Assert.Contains("person.created-at-sign-in", actions);
        Assert.Contains("sso.identity-linked", actions);
        Assert.Contains(actions, a => a.StartsWith("membership.", StringComparison.Ordinal));
        Assert.Contains("sso.signed-in", actions);
    }

    private async Task SaveJitAsync(bool mappings)
    {
        var alice = Demo.Person("alice@acme.test");
        var settings = Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var view = await settings.GetAsync(Demo.AcmeChat, alice);
        var draft = new ProvisioningDraft(ProvisioningMode.Jit, mappings,
            [
                new RoleMapping(Engineering, Role.Admin), new RoleMapping(Staff, Role.User),
                // The demo directory's own groups keep Acme's members where they are, so the save guard has no lockout to refuse.
                new RoleMapping(DemoOwners, Role.Owner), new RoleMapping(DemoAdmins, Role.Admin), new RoleMapping(DemoUsers, Role.User),
            ],
            [new TierMapping(Engineering, SeatTier.Premium)],
            null, view!.Saved.BaseVersion);
        var saved = await settings.SaveAsync(Demo.AcmeChat, draft, alice, typedConfirmation: null);
        Assert.True(saved.Errors.Count == 0, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    private async Task SetSeatsAsync(int premium, int standard)
    {
        await using var db = await Factory.CreateDbContextAsync();
        await db.SeatPools.Where(p => p.OrganizationId == Demo.AcmeChat && p.Tier == SeatTier.Premium).ExecuteUpdateAsync(u => u.SetProperty(p => p.Purchased, premium));
        await db.SeatPools.Where(p => p.OrganizationId == Demo.AcmeChat && p.Tier == SeatTier.Standard).ExecuteUpdateAsync(u => u.SetProperty(p => p.Purchased, standard));
    }

    private async Task<Membership?> MembershipAsync(string email)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == Demo.AcmeChat && m.Person!.Email == email);
    }
}

public sealed class SqliteSamlJitSignInTests() : SamlJitSignInTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlJitSignInTests() : SamlJitSignInTests(new PostgresPortalFixture());
