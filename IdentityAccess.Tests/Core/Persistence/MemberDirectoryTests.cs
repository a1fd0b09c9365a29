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
