using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>Adding people by hand against a real database holding the seeded demo; each test gets a fresh one.</summary>
public abstract class MemberAdministrationTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private MemberAdministration Service => portal.Factory.Services.GetRequiredService<MemberAdministration>();

    private Guid Person(string email) => portal.Demo.Person(email);

    private Guid Acme => portal.Demo.AcmeChat;

    [Fact]
    public async Task Add_NewPerson_CreatesPersonAndActiveManualMembershipWithAuditEvent()
    {
        var errors = await Service.AddAsync(Acme, new NewMember(" nora@acme.test ", "Nora Newhire", Role.User, SeatTier.Premium), Person("alice@acme.test"));

        Assert.Empty(errors);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var row = await db.Memberships.Include(m => m.Person).SingleAsync(m => m.OrganizationId == Acme && m.Person!.Email == "nora@acme.test");
        Assert.Equal(("Nora Newhire", Role.User, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Manual),
            (row.Person!.DisplayName, row.Role, row.SeatTier, row.Status, row.Source));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "membership.added");
        Assert.Equal(("Alice Anders", Person("alice@acme.test"), "nora@acme.test", Acme), (audit.Actor, audit.ActorPersonId!.Value, audit.Target, audit.OrganizationId!.Value));
        Assert.Null(audit.Before);
        Assert.Equal("""{"Role":"User","Tier":"Premium","Status":"Active"}""", audit.After);
    }

    [Fact]
    public async Task Add_KnownPersonInAnotherCase_ReusesThePersonAndKeepsTheirName()
    {
        var errors = await Service.AddAsync(Acme, new NewMember("ERIN@Acme.Test", "Somebody Else", Role.User, SeatTier.Standard), Person("alice@acme.test"));

        Assert.Empty(errors);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var erin = await db.People.SingleAsync(p => p.NormalizedEmail == "ERIN@ACME.TEST");
        Assert.Equal((Person("erin@acme.test"), "Erin Evans"), (erin.Id, erin.DisplayName));
        Assert.True(await db.Memberships.AnyAsync(m => m.OrganizationId == Acme && m.PersonId == erin.Id && m.Status == MembershipStatus.Active));
    }

    [Fact]
    public async Task Add_ExistingMember_RefusedAndNothingWritten()
    {
        var errors = await Service.AddAsync(Acme, new NewMember("Carol@acme.test", "Carol", Role.Admin, SeatTier.Premium), Person("alice@acme.test"));

        Assert.Equal("carol@acme.test is already a member of Acme.", Assert.IsType<AlreadyListed>(Assert.Single(errors)).Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Add_RemovedMember_ReactivatesTheSameRow()
    {
        var dave = await MembershipIdAsync(Acme, "dave@acme.test");
        Assert.Empty(await Service.RemoveAsync(Acme, dave, Person("alice@acme.test")));

        var errors = await Service.AddAsync(Acme, new NewMember("dave@acme.test", "Dave Diaz", Role.Admin, SeatTier.Premium), Person("alice@acme.test"));

        Assert.Empty(errors);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var rows = await db.Memberships.Where(m => m.OrganizationId == Acme && m.PersonId == Person("dave@acme.test")).ToListAsync();
        Assert.Equal((dave, Role.Admin, SeatTier.Premium, MembershipStatus.Active), (rows.Single().Id, rows[0].Role, rows[0].SeatTier, rows[0].Status));
        var added = await db.AuditEvents.SingleAsync(e => e.Action == "membership.added");
        Assert.Equal("""{"Role":"User","Tier":"Standard","Status":"Removed"}""", added.Before);
    }

    [Fact]
    public async Task Add_NoFreeSeatInTier_RefusedWithoutEvictingAnyone()
    {
        var grace = Person("grace@globex.test");
        Assert.Empty(await Service.AddAsync(portal.Demo.GlobexTeam, new NewMember("ivy@globex.test", "Ivy", Role.User, SeatTier.Premium), grace));

        var errors = await Service.AddAsync(portal.Demo.GlobexTeam, new NewMember("jon@globex.test", "Jon", Role.User, SeatTier.Premium), grace);

        Assert.Equal("No free Premium seat. Buy seats first.", Assert.IsType<NoFreeSeat>(Assert.Single(errors)).Message);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.NormalizedEmail == "JON@GLOBEX.TEST"));
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.GlobexTeam && m.SeatTier == SeatTier.Premium && m.Status == MembershipStatus.Active));
    }

    [Theory]
    [InlineData("not-an-email", Role.User, SeatTier.Standard, "email")]
    [InlineData("Name <x@acme.test>", Role.User, SeatTier.Standard, "email")]
    [InlineData("x@acme.test", Role.Developer, SeatTier.Standard, "role")]
    [InlineData("x@acme.test", Role.User, null, "tier")]
    public async Task Add_InvalidInputOnChat_RefusedAndNothingWritten(string email, Role role, SeatTier? tier, string field)
    {
        var errors = await Service.AddAsync(Acme, new NewMember(email, "X", role, tier), Person("alice@acme.test"));

        Assert.Equal(field, Assert.IsType<ValidationFailed>(Assert.Single(errors)).Field);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Add_ConsoleMemberWithTier_Refused()
    {
        var errors = await Service.AddAsync(portal.Demo.AcmeConsole, new NewMember("x@acme.test", "X", Role.Developer, SeatTier.Premium), Person("alice@acme.test"));

        Assert.Equal("Console organizations have no seat tiers.", Assert.Single(errors).Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Add_ConsoleDeveloper_TakesAnUntieredSeat()
    {
        Assert.Empty(await Service.AddAsync(portal.Demo.AcmeConsole, new NewMember("x@acme.test", "X", Role.Developer, null), Person("alice@acme.test")));

        var usage = await portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(portal.Demo.AcmeConsole);
        Assert.Equal(new SeatUsage(null, 10, 4, 0), Assert.Single(usage));
    }

    [Fact]
    public async Task Add_ChatAdminGrantsOwner_Refused()
    {
        var errors = await Service.AddAsync(Acme, new NewMember("x@acme.test", "X", Role.Owner, SeatTier.Premium), Person("bob@acme.test"));

        Assert.Equal("Only the organization's Owners can make someone Owner or take Owner away.", Assert.IsType<OnlyTopRoleChangesTopRole>(Assert.Single(errors)).Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Add_ChatAdminAddsUser_Allowed()
    {
        Assert.Empty(await Service.AddAsync(Acme, new NewMember("x@acme.test", "X", Role.User, SeatTier.Standard), Person("bob@acme.test")));
    }

    [Theory]
    [InlineData("carol@acme.test")]   // a chat User of Acme
    [InlineData("grace@globex.test")] // the Owner of another parent's organization
    public async Task Add_WithoutManageMembers_RefusedAndNothingWritten(string actingEmail)
    {
        var errors = await Service.AddAsync(Acme, new NewMember("x@acme.test", "X", Role.User, SeatTier.Standard), Person(actingEmail));

        Assert.IsType<AccessRefused>(Assert.Single(errors));
        await AssertNothingWrittenAsync();
    }

    private async Task<Guid> MembershipIdAsync(Guid organizationId, string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == organizationId && m.PersonId == Person(email)).Select(m => m.Id).SingleAsync();
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action.StartsWith("membership.")));
        Assert.Equal(10, await db.Memberships.CountAsync()); // the demo seed's
        Assert.Equal(portal.Demo.PeopleByEmail.Count, await db.People.CountAsync());
    }
}

public sealed class SqliteMemberAdministrationTests() : MemberAdministrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresMemberAdministrationTests() : MemberAdministrationTests(new PostgresPortalFixture());
