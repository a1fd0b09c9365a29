using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// "Known to your IdP, not members" searched and paged in the database, on the seeded demo: Acme Chat's own list only,
/// never a sibling organization's people nor another parent's directory.
/// </summary>
public abstract class NotMembersSearchTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private ProvisioningSettingsService Service => portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    private Task<AssignedButNotMembers?> SearchAsync(string? search, int skip = 0, Guid? organization = null, Guid? actor = null) =>
        Service.GetAssignedButNotMembersAsync(organization ?? portal.Demo.AcmeChat, actor ?? Alice, new NotMembersQuery(search, skip));

    private async Task AddDirectoryUsersAsync(Guid parentId, IEnumerable<(string Email, string? Name)> users)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        db.DirectoryUsers.AddRange(users.Select(u => DirectoryUsers.Named(u.Email, u.Name, parentId, now)));
        await db.SaveChangesAsync();
    }

    private async Task AddPendingSeatAsync(Guid organizationId, string email, string name)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var product = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Product).SingleAsync();
        var person = Person.Create(email, name, DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.Memberships.Add(new Membership
        {
            OrganizationId = organizationId,
            PersonId = person.Id,
            Role = RoleCatalog.RolesOf(product)[^1],
            SeatTier = product == Product.Chat ? SeatTier.Standard : null,
            Status = MembershipStatus.PendingSeat,
            Source = MembershipSource.Manual,
            CreatedAt = DateTimeOffset.UtcNow,
            StatusChangedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Search_ByEmailFragment_ListsAndCountsOnlyThoseMatching()
    {
        var found = await SearchAsync("ERIN");

        Assert.Equal(["erin@acme.test"], found!.People.Select(o => o.Person.Email));
        Assert.Equal(1, found.Count);
        Assert.Contains("added by hand", found.People[0].Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByNameFragment_FindsDirectoryUsersAndPeopleWaitingForASeat()
    {
        await AddDirectoryUsersAsync(portal.Demo.AcmeParent, [("q1@acme.test", "Quentin Marlowe"), ("q2@acme.test", "Other Person")]);
        await AddPendingSeatAsync(portal.Demo.AcmeChat, "waiting@acme.test", "Rosa Marlowe");

        var found = await SearchAsync("  marlowe ");

        Assert.Equal(["q1@acme.test", "waiting@acme.test"], found!.People.Select(o => o.Person.Email));
        Assert.Equal(2, found.Count);
        Assert.Equal("marlowe", found.Query.Search);
    }

    [Fact]
    public async Task Search_WithWildcardCharacters_MatchesThemLiterally()
    {
        await AddDirectoryUsersAsync(portal.Demo.AcmeParent, [("under_score@acme.test", null), ("underXscore@acme.test", null)]);

        Assert.Equal(["under_score@acme.test"], (await SearchAsync("under_"))!.People.Select(o => o.Person.Email));
        Assert.Equal(0, (await SearchAsync("%"))!.Count);
    }

    [Fact]
    public async Task Pages_FollowEachOtherInEmailOrder_WithTheSearchApplied()
    {
        await AddDirectoryUsersAsync(portal.Demo.AcmeParent, Enumerable.Range(0, 120).Select(i => ($"page{i:D3}@acme.test", (string?)$"Paged {i}")));

        var first = await SearchAsync("page");
        var second = await SearchAsync("page", NotMembersQuery.PageSize);
        var last = await SearchAsync("page", 2 * NotMembersQuery.PageSize);

        Assert.Equal(120, first!.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"page{i:D3}@acme.test"), first.People.Select(o => o.Person.Email));
        Assert.Equal(Enumerable.Range(50, 50).Select(i => $"page{i:D3}@acme.test"), second!.People.Select(o => o.Person.Email));
        Assert.Equal(Enumerable.Range(100, 20).Select(i => $"page{i:D3}@acme.test"), last!.People.Select(o => o.Person.Email));
        Assert.True(first.HasNext && !first.HasPrevious);
        Assert.True(last.HasPrevious && !last.HasNext);
        Assert.Equal(70, first.After);
    }

    [Fact]
    public async Task OutOfRangeInput_IsBroughtIntoRange_NotAnError()
    {
        var negative = await SearchAsync(null, -10);
        var beyond = await SearchAsync(null, 10_000);
        var long_ = await SearchAsync(new string('e', 5_000));

        Assert.Equal(0, negative!.Query.Skip);
        Assert.Equal(4, negative.People.Count);
        Assert.Empty(beyond!.People);
        Assert.Equal(4, beyond.Count);
        Assert.Equal(NotMembersQuery.SearchMaxLength, long_!.Query.Search.Length);
        Assert.Equal(0, long_.Count);
    }

    [Fact]
    public async Task Search_NeverReturnsAnotherParentsDirectory()
    {
        // Globex's directory holds someone whose name and email match: Acme's admins must not learn of them.
        await AddDirectoryUsersAsync(portal.Demo.GlobexParent, [("zed.outsider@globex.test", "Zed Outsider")]);
        await AddPendingSeatAsync(portal.Demo.GlobexTeam, "zara.outsider@globex.test", "Zara Outsider");

        var found = await SearchAsync("outsider");

        Assert.Empty(found!.People);
        Assert.Equal(0, found.Count);
    }

    [Fact]
    public async Task Search_NeverReturnsPeopleOnlyASiblingOrganizationHolds()
    {
        // Waiting for a seat in Acme Console (same parent, same directory) is Acme Console's news, not Acme Chat's.
        await AddPendingSeatAsync(portal.Demo.AcmeConsole, "sibling.only@acme.test", "Sibling Only");

        var found = await SearchAsync("sibling");

        Assert.Empty(found!.People);
        Assert.Equal(0, found.Count);
    }

    [Fact]
    public async Task Search_ByChatUserOrByAnotherParentsOwner_IsRefused()
    {
        Assert.Null(await SearchAsync("erin", actor: portal.Demo.Person("carol@acme.test")));
        Assert.Null(await SearchAsync("erin", actor: portal.Demo.Person("grace@globex.test"))); // Globex Team's Owner
    }
}

public sealed class SqliteNotMembersSearchTests() : NotMembersSearchTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresNotMembersSearchTests() : NotMembersSearchTests(new PostgresPortalFixture());
