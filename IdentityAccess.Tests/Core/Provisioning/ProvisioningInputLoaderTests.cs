using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
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

    [Fact]
    public async Task LoadAsync_Everyone_PeopleInTheSameGroupsShareOneArrayOfKeys()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var (first, second, third) = (User(parentId, "same.one@acme.test", "Same One", null, now), User(parentId, "same.two@acme.test", "Same Two", null, now),
            User(parentId, "other@acme.test", "Other", null, now));
        db.DirectoryUsers.AddRange(first, second, third);
        var (shared, other) = (Group(parentId, "shared-group", now), Group(parentId, "other-group", now));
        db.DirectoryGroups.AddRange(shared, other);
        db.DirectoryGroupMembers.AddRange(new DirectoryGroupMember { GroupId = shared.Id, UserId = first.Id },
            new DirectoryGroupMember { GroupId = shared.Id, UserId = second.Id }, new DirectoryGroupMember { GroupId = other.Id, UserId = third.Id });
        await db.SaveChangesAsync();

        var input = (await ProvisioningInputLoader.LoadAsync(db, portal.Demo.AcmeChat, ProvisioningDraft.Manual(), CancellationToken.None))!;

        var keys = input.People.Where(p => p.DirectoryUserId is not null).ToDictionary(p => p.DirectoryUserId!.Value, p => p.GroupKeys);
        Assert.Equal(["shared-group"], keys[first.Id]);
        Assert.Same(keys[first.Id], keys[second.Id]);
        Assert.Equal(["other-group"], keys[third.Id]);
        // Everyone whose keys read the same, in the same order, holds the same array.
        foreach (var group in keys.Values.Where(k => k.Count > 0).GroupBy(k => string.Join('\n', k)))
        {
            Assert.Single(group.Distinct(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public async Task LoadAsync_Everyone_MembersAreNamedByTheirPersonAndOthersByTheirDirectoryUser()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var organizationId = portal.Demo.AcmeChat;
        var parentId = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ParentOrganizationId).SingleAsync();
        // Besides the demo's members: a directory user not linked yet, one linked to a person who is not a member here,
        // and one without email or display name (named by their user name).
        var now = DateTimeOffset.UtcNow;
        var outsider = Person.Create("outsider@acme.test", "Outsider Person", now);
        db.People.Add(outsider);
        var outsiderUser = User(parentId, "outsider.directory@acme.test", "Outsider As Directory", outsider.Id, now);
        (outsiderUser.Active, outsiderUser.DeactivatedAt) = (false, now);
        db.DirectoryUsers.AddRange(User(parentId, "unlinked@acme.test", "Unlinked User", null, now), outsiderUser, User(parentId, "bare@acme.test", null, null, now));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear(); // compare with what is stored (SQLite keeps times to 0.1 ms)

        var input = (await ProvisioningInputLoader.LoadAsync(db, organizationId, ProvisioningDraft.Manual(), CancellationToken.None))!;

        var members = await db.Memberships.Where(m => m.OrganizationId == organizationId)
            .Select(m => new { m.PersonId, m.Person!.Email, m.Person.DisplayName }).ToDictionaryAsync(m => m.PersonId);
        var users = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == parentId).ToListAsync();
        var byPerson = users.Where(u => u.PersonId is not null).ToDictionary(u => u.PersonId!.Value);
        Assert.Equal(members.Count + users.Count(u => u.PersonId is null || !members.ContainsKey(u.PersonId.Value)), input.People.Count);
        foreach (var person in input.People)
        {
            var user = person.DirectoryUserId is { } id ? users.Single(u => u.Id == id) : null;
            var (email, name) = person.PersonId is { } personId && members.TryGetValue(personId, out var member)
                ? (member.Email, member.DisplayName)
                : (user!.Email ?? user.UserName, user.DisplayName ?? user.UserName);
            Assert.Equal((email, name), (person.Email, person.DisplayName));
            Assert.Equal(user?.CreatedAt, person.AssignedAt);
            Assert.Equal(user?.DeactivatedAt, person.DeactivatedAt);
            Assert.Equal(user is null ? DirectoryPresence.Absent : user.Active ? DirectoryPresence.Active : DirectoryPresence.Deactivated, person.Directory);
            Assert.Equal(person.PersonId is { } linked ? byPerson.GetValueOrDefault(linked)?.Id : person.DirectoryUserId, person.DirectoryUserId);
        }

        Assert.Contains(input.People, p => p.Email == "unlinked@acme.test" && p.PersonId is null && p.DisplayName == "Unlinked User");
        Assert.Contains(input.People, p => p.PersonId == outsider.Id && p.Email == "outsider.directory@acme.test" && p.Directory == DirectoryPresence.Deactivated);
        Assert.Contains(input.People, p => p.Email == "bare@acme.test" && p.DisplayName == "bare@acme.test");
    }

    private static DirectoryGroup Group(Guid parentId, string key, DateTimeOffset now) => new()
    {
        ParentOrganizationId = parentId,
        ExternalId = key,
        DisplayName = key,
        NormalizedDisplayName = key.ToUpperInvariant(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static DirectoryUser User(Guid parentId, string userName, string? displayName, Guid? personId, DateTimeOffset now) => new()
    {
        ParentOrganizationId = parentId,
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        Email = displayName is null ? null : userName,
        DisplayName = displayName,
        PersonId = personId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

public sealed class SqliteProvisioningInputLoaderTests() : ProvisioningInputLoaderTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresProvisioningInputLoaderTests() : ProvisioningInputLoaderTests(new PostgresPortalFixture());
