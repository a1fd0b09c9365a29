using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Persistence;

/// <summary>Member queries and constraints against the real database engines.</summary>
public abstract class MemberDirectoryTests(PortalFixture portal)
{
    private MemberDirectory Members => portal.Factory.Services.GetRequiredService<MemberDirectory>();

    [Fact]
    public async Task GetPage_SearchIgnoresCase_FindsByEmailOrName()
    {
        var byEmail = await Members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery("CAROL@"));
        var byName = await Members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery("diaz"));

        Assert.Equal("carol@acme.test", Assert.Single(byEmail.Items).Email);
        Assert.Equal("Dave Diaz", Assert.Single(byName.Items).DisplayName);
    }

    [Fact]
    public async Task GetPage_SecondPage_ReturnsRemainderWithExactTotal()
    {
        var page = await Members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery(Skip: 3, Take: 3));

        Assert.Equal(4, page.TotalCount);
        Assert.Equal("Dave Diaz", Assert.Single(page.Items).DisplayName);
    }

    [Fact]
    public async Task GetPage_SortByRole_FollowsPrecedenceNotAlphabet()
    {
        var page = await Members.GetPageAsync(portal.Demo.AcmeConsole, new MemberQuery(Sort: MemberSort.Role));

        Assert.Equal([Role.Admin, Role.Developer, Role.ClaudeCodeUser], page.Items.Select(m => m.Role));
    }

    [Fact]
    public async Task GetPage_SortByName_FollowsNewMembersAndRenames()
    {
        // The sort reads a trigger-kept copy of the name; a new membership and a rename must both reach it.
        await using var db = await portal.Factory.CreateDbContextAsync();
        var person = Person.Create($"{Guid.NewGuid():N}@globex.test", "Aaa Sorted First", DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.Memberships.Add(new Membership
        {
            OrganizationId = portal.Demo.GlobexTeam,
            PersonId = person.Id,
            Role = Role.User,
            SeatTier = SeatTier.Standard,
            Status = MembershipStatus.Active,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        try
        {
            var byName = await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery(Sort: MemberSort.Name));
            Assert.Equal("Aaa Sorted First", byName.Items[0].DisplayName);

            await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DisplayName, "Zzz Sorted Last"));

            var renamed = await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery(Sort: MemberSort.Name));
            Assert.Equal("Zzz Sorted Last", renamed.Items[^1].DisplayName);
            var descending = await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery(Sort: MemberSort.Name, Descending: true));
            Assert.Equal("Zzz Sorted Last", descending.Items[0].DisplayName);
        }
        finally
        {
            await db.Memberships.Where(m => m.PersonId == person.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task GetPage_WholeList_TotalIsTheCounterOfEveryStatusButRemoved()
    {
        // The unsearched total is read from the trigger-kept counter, not counted: it must move as a count would.
        var before = (await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery())).TotalCount;
        await using var db = await portal.Factory.CreateDbContextAsync();
        var suspended = Person.Create($"{Guid.NewGuid():N}@globex.test", "Zzz Suspended", DateTimeOffset.UtcNow);
        var removed = Person.Create($"{Guid.NewGuid():N}@globex.test", "Zzz Removed", DateTimeOffset.UtcNow);
        db.People.AddRange(suspended, removed);
        foreach (var (person, status) in new[] { (suspended, MembershipStatus.Suspended), (removed, MembershipStatus.Removed) })
        {
            db.Memberships.Add(new Membership
            {
                OrganizationId = portal.Demo.GlobexTeam,
                PersonId = person.Id,
                Role = Role.User,
                SeatTier = SeatTier.Standard,
                Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        try
        {
            Assert.Equal(before + 1, (await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery(Take: 1))).TotalCount);

            await db.Memberships.Where(m => m.PersonId == suspended.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MembershipStatus.Removed));
            Assert.Equal(before, (await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery())).TotalCount);

            await db.Memberships.Where(m => m.PersonId == removed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MembershipStatus.PendingSeat));
            Assert.Equal(before + 1, (await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery())).TotalCount);
        }
        finally
        {
            await db.Memberships.Where(m => m.PersonId == suspended.Id || m.PersonId == removed.Id).ExecuteDeleteAsync();
        }

        Assert.Equal(before, (await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery())).TotalCount);
    }

    [Fact]
    public async Task Find_MembershipOfAnotherOrganization_ReturnsNull()
    {
        var globex = await Members.GetPageAsync(portal.Demo.GlobexTeam, new MemberQuery());

        Assert.Null(await Members.FindAsync(portal.Demo.AcmeChat, globex.Items[0].MembershipId));
    }

    [Fact]
    public async Task SavePerson_EmailDiffersOnlyInCase_IsRejectedByUniqueIndex()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.People.Add(Person.Create("ALICE@Acme.Test", "Another Alice", DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ChangeEmail_KeepsThePerson()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var person = Person.Create($"{Guid.NewGuid():N}@acme.test", "Renamed", DateTimeOffset.UtcNow);
        db.People.Add(person);
        await db.SaveChangesAsync();

        person.ChangeEmail("New.Address@Acme.Test");
        await db.SaveChangesAsync();

        await using var reread = await portal.Factory.CreateDbContextAsync();
        var found = await reread.People.SingleAsync(p => p.NormalizedEmail == "NEW.ADDRESS@ACME.TEST");
        Assert.Equal(person.Id, found.Id);
        Assert.Equal("New.Address@Acme.Test", found.Email);
    }

    [Fact]
    public async Task SeatUsage_DemoChatOrg_CountsActiveMembersPerTier()
    {
        var usage = await portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(portal.Demo.AcmeChat);

        Assert.Equal([new SeatUsage(SeatTier.Premium, 10, 2, 0), new SeatUsage(SeatTier.Standard, 20, 2, 0)], usage);
    }
}

public sealed class SqliteMemberDirectoryTests(SqlitePortalFixture portal) : MemberDirectoryTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresMemberDirectoryTests(PostgresPortalFixture portal) : MemberDirectoryTests(portal), IClassFixture<PostgresPortalFixture>;
