using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>
/// The members search through its index (SQLite FTS5 trigram table kept by triggers, PostgreSQL pg_trgm): any part of
/// a name or email, any case, and the index follows people as they are added, renamed and removed.
/// </summary>
public abstract class MemberSearchTests(PortalFixture portal)
{
    private MemberDirectory Members => portal.Factory.Services.GetRequiredService<MemberDirectory>();

    // Each test's own people carry a fresh token, so tests sharing the fixture's database do not see each other's.
    private readonly string _token = Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Search_PartOfTheEmailOrNameInAnyCase_FindsThePerson()
    {
        await AddMemberAsync($"quill.{_token}@corp.test", $"Ximena Quill{_token}");

        var byEmail = await SearchAsync($"L.{_token[..6].ToUpperInvariant()}");
        var byName = await SearchAsync($"mena quill{_token[..4]}".ToUpperInvariant());

        Assert.Equal($"quill.{_token}@corp.test", Assert.Single(byEmail).Email);
        Assert.Equal($"Ximena Quill{_token}", Assert.Single(byName).DisplayName);
    }

    [Fact]
    public async Task Search_ShorterThanThreeCharacters_StillFindsBySubstring()
    {
        var page = await Members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery("Di", Take: MemberQuery.MaxTake));

        Assert.Contains(page.Items, m => m.DisplayName == "Dave Diaz");
        Assert.All(page.Items, m => Assert.True(
            m.DisplayName.Contains("di", StringComparison.OrdinalIgnoreCase) || m.Email.Contains("di", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Search_Renamed_FoundByTheNewNameAndEmailOnly()
    {
        var personId = await AddMemberAsync($"old.{_token}@corp.test", $"Oldname {_token}");

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var person = await db.People.SingleAsync(p => p.Id == personId);
            person.DisplayName = $"Newname {_token}";
            person.ChangeEmail($"new.{_token}@corp.test");
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SearchAsync($"Oldname {_token}"));
        Assert.Empty(await SearchAsync($"old.{_token}"));
        Assert.Equal($"Newname {_token}", Assert.Single(await SearchAsync($"newname {_token}")).DisplayName);
        Assert.Equal($"new.{_token}@corp.test", Assert.Single(await SearchAsync($"w.{_token}@")).Email);
    }

    [Fact]
    public async Task Search_PersonRemoved_NotFoundAndOthersStillFound()
    {
        var gone = await AddMemberAsync($"gone.{_token}@corp.test", $"Gone {_token}");
        await AddMemberAsync($"stays.{_token}@corp.test", $"Stays {_token}");

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.Memberships.Where(m => m.PersonId == gone).ExecuteDeleteAsync();
            await db.People.Where(p => p.Id == gone).ExecuteDeleteAsync();
        }

        Assert.Empty(await SearchAsync($"gone.{_token}"));
        Assert.Equal($"Stays {_token}", Assert.Single(await SearchAsync(_token)).DisplayName);
    }

    [Theory]
    [InlineData("\"a\"b%c_d\\e")]
    [InlineData("NEAR(x y) OR *")]
    [InlineData("%%%")]
    public async Task Search_QuotesWildcardsOrQuerySyntax_AreTextNotErrors(string search)
    {
        await AddMemberAsync($"plain.{_token}@corp.test", $"Plain {_token}");

        var page = await Members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery(search));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    private async Task<IReadOnlyList<MemberListItem>> SearchAsync(string search)
    {
        var page = await Members.GetPageAsync(portal.Demo.AcmeChat, new MemberQuery(search, Take: MemberQuery.MaxTake));
        Assert.Equal(page.Items.Count, page.TotalCount);
        return page.Items;
    }

    private async Task<Guid> AddMemberAsync(string email, string name)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var person = Person.Create(email, name, now);
        db.People.Add(person);
        db.Memberships.Add(new Membership
        {
            OrganizationId = portal.Demo.AcmeChat,
            PersonId = person.Id,
            Role = Role.User,
            SeatTier = SeatTier.Standard,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = now,
            StatusChangedAt = now,
        });
        await db.SaveChangesAsync();
        return person.Id;
    }
}

public sealed class SqliteMemberSearchTests(SqlitePortalFixture portal) : MemberSearchTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresMemberSearchTests(PostgresPortalFixture portal) : MemberSearchTests(portal), IClassFixture<PostgresPortalFixture>;
