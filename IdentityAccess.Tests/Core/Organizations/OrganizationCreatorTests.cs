using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Organizations;

/// <summary>The way in: a parent with its first organization by anyone signed in, more organizations by its parent admins.</summary>
public abstract class OrganizationCreatorTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private OrganizationCreator Creator => portal.Factory.Services.GetRequiredService<OrganizationCreator>();

    [Fact]
    public async Task CreateParent_Enterprise_CreatorIsOwnerWithAPremiumSeatAndParentAdmin()
    {
        var hank = portal.Demo.Person("hank@globex.test");

        var created = await Creator.CreateParentAsync(
            new NewParentOrganization(" Hill Holdings ", new NewOrganization("Hill Chat", OrganizationPlan.Enterprise, PremiumSeats: 2, StandardSeats: 5)), hank);

        Assert.Null(created.Refusal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parent = await db.ParentOrganizations.Include(p => p.Organizations).SingleAsync(p => p.Id == created.ParentId);
        Assert.Equal(("Hill Holdings", ParentPlan.Enterprise), (parent.Name, parent.Plan));
        var organization = Assert.Single(parent.Organizations);
        Assert.Equal((created.OrganizationId, "Hill Chat", OrganizationPlan.Enterprise), (organization.Id, organization.Name, organization.Plan));
        var membership = await db.Memberships.SingleAsync(m => m.OrganizationId == organization.Id);
        Assert.Equal((hank, Role.Owner, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Manual),
            (membership.PersonId, membership.Role, membership.SeatTier, membership.Status, membership.Source));
        Assert.Equal([(SeatTier.Premium, 2), (SeatTier.Standard, 5)], (await db.SeatPools.Where(p => p.OrganizationId == organization.Id).ToListAsync())
            .OrderBy(p => p.Tier).Select(p => ((SeatTier)p.Tier!, p.Purchased)));
        Assert.Equal(hank, (await db.ParentAdministrators.SingleAsync(a => a.ParentOrganizationId == parent.Id)).PersonId);
        Assert.Equal(["organization.created", "parent.created"], (await db.AuditEvents.Where(e => e.ParentOrganizationId == parent.Id && e.ActorPersonId == hank)
            .Select(e => e.Action).ToListAsync()).Order());
        var access = await portal.Factory.Services.GetRequiredService<OrganizationAccessService>()
            .CheckAsync(organization.Id, hank, Permission.ManageIdentityAccess);
        Assert.True(access.IsGranted && access.IsParentAdmin);
    }

    [Fact]
    public async Task CreateParent_Console_CreatorIsAdminOfAConsoleParent()
    {
        var created = await Creator.CreateParentAsync(
            new NewParentOrganization("Solo", new NewOrganization("Solo Console", OrganizationPlan.Console, ConsoleSeats: 1)), portal.Demo.Person("dave@acme.test"));

        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(ParentPlan.Console, (await db.ParentOrganizations.SingleAsync(p => p.Id == created.ParentId)).Plan);
        var membership = await db.Memberships.SingleAsync(m => m.OrganizationId == created.OrganizationId);
        Assert.Equal((Role.Admin, (SeatTier?)null), (membership.Role, membership.SeatTier));
    }

    [Fact]
    public async Task CreateParent_NotSignedIn_RefusedAndNothingWritten()
    {
        var created = await Creator.CreateParentAsync(new NewParentOrganization("X", new NewOrganization("Y", OrganizationPlan.Team, PremiumSeats: 1)), null);

        Assert.IsType<NotSignedIn>(created.Refusal);
        await AssertNothingCreatedAsync();
    }

    [Fact]
    public async Task CreateParent_UnknownPerson_RefusedAsNotSignedIn() =>
        Assert.IsType<NotSignedIn>((await Creator.CreateParentAsync(
            new NewParentOrganization("X", new NewOrganization("Y", OrganizationPlan.Team, PremiumSeats: 1)), Guid.NewGuid())).Refusal);

    [Theory]
    [InlineData("", "Org", OrganizationPlan.Team, 1, 0, 0, "parentName")]
    [InlineData("Parent", " ", OrganizationPlan.Team, 1, 0, 0, "organizationName")]
    [InlineData("Parent", "Org", OrganizationPlan.Team, 0, 5, 0, "premiumSeats")]       // the Owner needs a Premium seat
    [InlineData("Parent", "Org", OrganizationPlan.Enterprise, 1, -1, 0, "standardSeats")]
    [InlineData("Parent", "Org", OrganizationPlan.Team, 1_000_001, 0, 0, "premiumSeats")]
    [InlineData("Parent", "Org", OrganizationPlan.Console, 0, 0, 0, "consoleSeats")]     // the Admin needs a seat
    [InlineData("Parent", "Org", OrganizationPlan.Console, 2, 0, 1, "premiumSeats")]     // Console has no tiers
    [InlineData("Parent", "Org", (OrganizationPlan)7, 1, 0, 0, "plan")]
    public async Task CreateParent_InvalidInput_RefusedOnItsFieldAndNothingWritten(string parent, string organization, OrganizationPlan plan,
        int premium, int standard, int console, string field)
    {
        var created = await Creator.CreateParentAsync(
            new NewParentOrganization(parent, new NewOrganization(organization, plan, premium, standard, console)), portal.Demo.Person("hank@globex.test"));

        Assert.Equal(field, Assert.IsAssignableFrom<InvalidInputError>(created.Refusal).Field);
        await AssertNothingCreatedAsync();
    }

    [Fact]
    public async Task CreateUnderParent_ByTheParentAdmin_CreatorIsItsTopRole()
    {
        var alice = portal.Demo.Person("alice@acme.test");

        var created = await Creator.CreateUnderParentAsync(portal.Demo.AcmeParent, new NewOrganization("Acme Research", OrganizationPlan.Console, ConsoleSeats: 4), alice);

        Assert.Null(created.Refusal);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var organization = await db.Organizations.SingleAsync(o => o.Id == created.OrganizationId);
        Assert.Equal((portal.Demo.AcmeParent, OrganizationPlan.Console), (organization.ParentOrganizationId, organization.Plan));
        Assert.Equal(Role.Admin, (await db.Memberships.SingleAsync(m => m.OrganizationId == organization.Id && m.PersonId == alice)).Role);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "organization.created" && e.OrganizationId == organization.Id && e.ActorPersonId == alice));
    }

    [Fact]
    public async Task CreateUnderParent_APlanThatMayNotJoin_RefusedAndNothingWritten()
    {
        // A Team organization cannot be joined to Acme's Enterprise parent.
        var created = await Creator.CreateUnderParentAsync(portal.Demo.AcmeParent, new NewOrganization("Acme Team", OrganizationPlan.Team, PremiumSeats: 1),
            portal.Demo.Person("alice@acme.test"));

        Assert.Equal(("plan", RefusalCategory.InvalidInput), (Assert.IsAssignableFrom<InvalidInputError>(created.Refusal).Field, created.Refusal!.Category));
        await AssertNothingCreatedAsync();
    }

    private async Task AssertNothingCreatedAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.ParentOrganizations.CountAsync());
        Assert.Equal(4, await db.Organizations.CountAsync());
        Assert.Equal(2, await db.ParentAdministrators.CountAsync());
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "parent.created" || (e.Action == "organization.created" && e.Actor != "Demo seed")));
    }
}

public sealed class SqliteOrganizationCreatorTests() : OrganizationCreatorTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresOrganizationCreatorTests() : OrganizationCreatorTests(new PostgresPortalFixture());
