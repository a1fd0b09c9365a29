using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>The export's keyset paging against the real database engines; each test gets a fresh database.</summary>
public abstract class MemberExportTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private MemberExport Export => portal.Factory.Services.GetRequiredService<MemberExport>();

    [Fact]
    public async Task ReadPages_PageSmallerThanTheList_EveryMemberOnceInEmailOrder()
    {
        var pages = await ReadAllAsync(portal.Demo.AcmeChat, pageSize: 3);

        Assert.Equal([3, 1], pages.Select(p => p.Count));
        Assert.Equal(["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test"], pages.SelectMany(p => p).Select(m => m.Email));
    }

    [Fact]
    public async Task ReadPages_ExactMultipleOfPageSize_EndsWithoutAnEmptyPage()
    {
        var pages = await ReadAllAsync(portal.Demo.AcmeChat, pageSize: 2);

        Assert.Equal([2, 2], pages.Select(p => p.Count));
    }

    [Fact]
    public async Task ReadPages_ManyMembers_ReadsThemAllAcrossPages()
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            for (var i = 0; i < 2_500; i++)
            {
                var person = Person.Create($"bulk{i:D5}@acme.test", $"Bulk {i}", DateTimeOffset.UnixEpoch);
                db.People.Add(person);
                db.Memberships.Add(new Membership
                {
                    OrganizationId = portal.Demo.AcmeConsole,
                    PersonId = person.Id,
                    Role = IdentityAccess.Core.Roles.Role.User,
                    Status = MembershipStatus.PendingSeat,
                    Source = MembershipSource.Scim,
                    CreatedAt = DateTimeOffset.UnixEpoch,
                });
            }

            await db.SaveChangesAsync();
        }

        var pages = await ReadAllAsync(portal.Demo.AcmeConsole, MemberExport.DefaultPageSize);

        Assert.Equal([1_000, 1_000, 503], pages.Select(p => p.Count));
        var emails = pages.SelectMany(p => p).Select(m => m.Email).ToList();
        Assert.Equal(2_503, emails.Distinct().Count());
        Assert.Equal(emails.Order(StringComparer.Ordinal), emails);
    }

    [Fact]
    public async Task ReadPages_RemovedMember_LeftOut()
    {
        var dave = (await portal.Factory.Services.GetRequiredService<MemberDirectory>().GetPageAsync(portal.Demo.AcmeChat, new MemberQuery("dave"))).Items.Single();
        Assert.Empty(await portal.Factory.Services.GetRequiredService<MemberAdministration>()
            .RemoveAsync(portal.Demo.AcmeChat, dave.MembershipId, portal.Demo.Person("alice@acme.test")));

        var pages = await ReadAllAsync(portal.Demo.AcmeChat, pageSize: 10);

        Assert.DoesNotContain(pages.SelectMany(p => p), m => m.Email == "dave@acme.test");
        Assert.Equal(3, Assert.Single(pages).Count);
    }

    private async Task<List<IReadOnlyList<MemberListItem>>> ReadAllAsync(Guid organizationId, int pageSize)
    {
        var pages = new List<IReadOnlyList<MemberListItem>>();
        await foreach (var page in Export.ReadPagesAsync(organizationId, pageSize))
        {
            pages.Add(page);
        }

        return pages;
    }
}

public sealed class SqliteMemberExportTests() : MemberExportTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresMemberExportTests() : MemberExportTests(new PostgresPortalFixture());
