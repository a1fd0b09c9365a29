using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>The engine's input as the loader reads it for everyone (Sync now, a dry run), against a real database.</summary>
public abstract class ProvisioningInputLoaderTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task LoadAsync_Everyone_EachPersonHasTheKeysOfTheirGroupsInThisParentOnly()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        var otherParent = await db.ParentOrganizations.Where(p => p.Id != parentId).Select(p => p.Id).FirstAsync();
        // A group of another parent holding one of Acme's directory users (a row no write path makes) must not count.
        var bob = await db.DirectoryUsers.SingleAsync(u => u.ParentOrganizationId == parentId && u.UserName == "bob@acme.test");
        var foreign = new DirectoryGroup
        {
            ParentOrganizationId = otherParent,
            ExternalId = "foreign-group",
            DisplayName = "foreign",
            NormalizedDisplayName = "FOREIGN",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.DirectoryGroups.Add(foreign);
        db.DirectoryGroupMembers.Add(new DirectoryGroupMember { GroupId = foreign.Id, UserId = bob.Id });
        await db.SaveChangesAsync();

        var input = (await ProvisioningInputLoader.LoadAsync(db, portal.Demo.AcmeChat, ProvisioningDraft.Manual(), CancellationToken.None))!;

        // What the loader read before: every row joined to its group's key in SQL.
        var expected = (await db.DirectoryGroupMembers
                .Join(db.DirectoryGroups.Where(g => g.ParentOrganizationId == parentId), m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, g.ExternalId })
                .ToListAsync())
            .ToLookup(x => x.UserId, x => x.ExternalId);
        var withDirectoryUser = input.People.Where(p => p.DirectoryUserId is not null).ToList();
        Assert.NotEmpty(withDirectoryUser);
        Assert.Contains(withDirectoryUser, p => p.GroupKeys.Count >= 2);
        foreach (var person in withDirectoryUser)
        {
            Assert.Equal(expected[person.DirectoryUserId!.Value].Order(), person.GroupKeys.Order());
        }

        Assert.DoesNotContain(input.People.Single(p => p.DirectoryUserId == bob.Id).GroupKeys, k => k == "foreign-group");
    }
}

public sealed class SqliteProvisioningInputLoaderTests() : ProvisioningInputLoaderTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresProvisioningInputLoaderTests() : ProvisioningInputLoaderTests(new PostgresPortalFixture());
