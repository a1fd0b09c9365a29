using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>Changing roles and tiers and removing members, against the seeded demo; each test gets a fresh database.</summary>
public abstract class MemberChangeTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private MemberAdministration Service => portal.Factory.Services.GetRequiredService<MemberAdministration>();

    private Guid Acme => portal.Demo.AcmeChat;

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    private Guid Bob => portal.Demo.Person("bob@acme.test");

    [Fact]
    public async Task ChangeRole_OwnerPromotesUserToAdmin_SavesWithRoleChangedAudit()
    {
        var errors = await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, "carol@acme.test"), Role.Admin, SeatTier.Standard, Alice);

        Assert.Empty(errors);
        var (row, events) = await StateAsync(Acme, "carol@acme.test");
        Assert.Equal((Role.Admin, SeatTier.Standard), (row.Role, row.SeatTier));
        var audit = Assert.Single(events);
        Assert.Equal(("membership.role_changed", """{"Role":"User"}""", """{"Role":"Admin"}"""), (audit.Action, audit.Before, audit.After));
    }

    [Fact]
    public async Task ChangeRole_RoleAndTierTogether_OneAuditEventForEach()
    {
        Assert.Empty(await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, "carol@acme.test"), Role.Admin, SeatTier.Premium, Alice));

        var (_, events) = await StateAsync(Acme, "carol@acme.test");
        Assert.Equal(["membership.role_changed", "membership.tier_changed"], events.Select(e => e.Action).Order());
        Assert.Equal("""{"Tier":"Premium"}""", events.Single(e => e.Action == "membership.tier_changed").After);
    }

    [Fact]
    public async Task ChangeRole_LastOwnerDemotesThemselves_RefusedAsNoOwnerLeft()
    {
        var errors = await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, "alice@acme.test"), Role.Admin, SeatTier.Premium, Alice);

        Assert.Equal("Acme would have no Owner left. Make someone else Owner first.", Assert.IsType<NoTopRoleLeft>(Assert.Single(errors)).Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task ChangeRole_AnotherOwnerExists_DemotionAllowed()
    {
        Assert.Empty(await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, "bob@acme.test"), Role.Owner, SeatTier.Premium, Alice));

        Assert.Empty(await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, "alice@acme.test"), Role.User, SeatTier.Premium, Alice));
    }

    [Fact]
    public async Task ChangeRole_LastConsoleAdmin_RefusedAsNoAdminLeft()
    {
        var errors = await Service.ChangeRoleAsync(portal.Demo.AcmeConsole, await IdAsync(portal.Demo.AcmeConsole, "alice@acme.test"), Role.Developer, null, Alice);

        Assert.Equal("Acme Console would have no Admin left. Make someone else Admin first.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("carol@acme.test", Role.Owner)] // giving the top role
    [InlineData("alice@acme.test", Role.User)]  // taking it away
    public async Task ChangeRole_ChatAdminTouchesOwnerRole_Refused(string email, Role role)
    {
        var errors = await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, email), role, SeatTier.Premium, Bob);

        Assert.Contains(errors, e => e is OnlyTopRoleChangesTopRole);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task ChangeRole_TierWithNoFreeSeat_RefusedAndNothingWritten()
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.SeatPools.Where(p => p.OrganizationId == Acme && p.Tier == SeatTier.Premium).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 2));
        }

        var errors = await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, "carol@acme.test"), Role.User, SeatTier.Premium, Alice);

        Assert.Equal("No free Premium seat. Buy seats first.", Assert.Single(errors).Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task ChangeRole_ConsoleRoleOnChat_Refused()
    {
        var errors = await Service.ChangeRoleAsync(Acme, await IdAsync(Acme, "carol@acme.test"), Role.Billing, SeatTier.Standard, Alice);

        Assert.Contains("Billing is not a role of Chat organizations", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Member_KeepsRowAsRemovedFreesSeatAndLeavesTheList()
    {
        Assert.Empty(await Service.RemoveAsync(Acme, await IdAsync(Acme, "carol@acme.test"), Bob));

        var (row, events) = await StateAsync(Acme, "carol@acme.test");
        Assert.Equal(MembershipStatus.Removed, row.Status);
        Assert.Equal(("membership.removed", "Bob Brown"), (Assert.Single(events).Action, events[0].Actor));
        Assert.Equal("""{"Role":"User","Tier":"Standard","Status":"Removed"}""", events[0].After);
        var usage = await portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(Acme);
        Assert.Equal(1, usage.Single(u => u.Tier == SeatTier.Standard).Used);
        var page = await portal.Factory.Services.GetRequiredService<MemberDirectory>().GetPageAsync(Acme, new MemberQuery());
        Assert.DoesNotContain(page.Items, m => m.Email == "carol@acme.test");
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task Remove_LastOwnerThemselves_RefusedAsLastOwner()
    {
        var errors = await Service.RemoveAsync(Acme, await IdAsync(Acme, "alice@acme.test"), Alice);

        Assert.IsType<LastTopRoleCannotLeave>(Assert.Single(errors));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Remove_OwnerByChatAdmin_Refused()
    {
        var errors = await Service.RemoveAsync(Acme, await IdAsync(Acme, "alice@acme.test"), Bob);

        Assert.Contains(errors, e => e is OnlyTopRoleChangesTopRole);
        Assert.Contains(errors, e => e is NoTopRoleLeft);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Remove_MembershipOfAnotherOrganization_NotFound()
    {
        var errors = await Service.RemoveAsync(Acme, await IdAsync(portal.Demo.GlobexTeam, "hank@globex.test"), Alice);

        Assert.IsType<MemberNotFound>(Assert.Single(errors));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Remove_ByChatUser_RefusedAsNotAllowed()
    {
        var errors = await Service.RemoveAsync(Acme, await IdAsync(Acme, "dave@acme.test"), portal.Demo.Person("carol@acme.test"));

        Assert.Contains("Your role in Acme is User", Assert.IsType<AccessRefused>(Assert.Single(errors)).Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    private async Task<Guid> IdAsync(Guid organizationId, string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var personId = portal.Demo.Person(email);
        return await db.Memberships.Where(m => m.OrganizationId == organizationId && m.PersonId == personId).Select(m => m.Id).SingleAsync();
    }

    private async Task<(Membership Row, List<IdentityAccess.Core.Audit.AuditEvent> Events)> StateAsync(Guid organizationId, string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var personId = portal.Demo.Person(email);
        var row = await db.Memberships.SingleAsync(m => m.OrganizationId == organizationId && m.PersonId == personId);
        var events = await db.AuditEvents.Where(e => e.OrganizationId == organizationId && e.Target == email && e.Action.StartsWith("membership.")).ToListAsync();
        return (row, events);
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action.StartsWith("membership.")));
        Assert.Equal(10, await db.Memberships.CountAsync(m => m.Status == MembershipStatus.Active)); // the demo seed's
        Assert.Equal((Role.Owner, Role.Admin), (
            await db.Memberships.Where(m => m.OrganizationId == Acme && m.PersonId == Alice).Select(m => m.Role).SingleAsync(),
            await db.Memberships.Where(m => m.OrganizationId == Acme && m.PersonId == Bob).Select(m => m.Role).SingleAsync()));
    }
}

public sealed class SqliteMemberChangeTests() : MemberChangeTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresMemberChangeTests() : MemberChangeTests(new PostgresPortalFixture());
