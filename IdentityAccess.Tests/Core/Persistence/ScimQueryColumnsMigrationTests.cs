using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IdentityAccess.Tests.Core.Persistence;

/// <summary>
/// The migration ScimQueryVersionsAndNameColumns fills the new filter columns of existing users from their stored
/// SCIM document (name.givenName, name.familyName, the type of the email kept), survives documents of odd shapes, and
/// starts every user and group at version 1. On both databases.
/// </summary>
public abstract class ScimQueryColumnsMigrationTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Upgrade_BackfillsNamesAndEmailTypeFromTheDocument_VersionOne()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ProvisioningLogChannel"); // the schema as the previous version left it
        const string carol = """
            {"userName":"carol@acme.test","name":{"givenName":"Carol","familyName":"Chen"},
             "emails":[{"type":"home","value":"c@home.test"},"not an object",{"type":"Work","value":" CAROL@acme.test "}]}
            """;
        const string odd = """{"name":"just a string","emails":{"type":"work"}}""";
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "DirectoryUsers" SET "ScimDocument" = {carol}, "Email" = 'carol@acme.test' WHERE "UserName" = 'carol@acme.test'""");
        var others = await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "DirectoryUsers" SET "ScimDocument" = {odd} WHERE "UserName" <> 'carol@acme.test'""");

        await migrator.MigrateAsync();

        var users = await db.DirectoryUsers.AsNoTracking().ToListAsync();
        var migrated = Assert.Single(users, u => u.UserName == "carol@acme.test");
        Assert.Equal(("Carol", "Chen", "Work", 1L), (migrated.GivenName, migrated.FamilyName, migrated.EmailType, migrated.Version));
        Assert.True(others > 0);
        Assert.All(users.Where(u => u.UserName != "carol@acme.test"), u => Assert.Equal((null, null, null, 1L), (u.GivenName, u.FamilyName, u.EmailType, u.Version)));
        Assert.All(await db.DirectoryGroups.AsNoTracking().ToListAsync(), g => Assert.Equal(1L, g.Version));
    }
}

public sealed class SqliteScimQueryColumnsMigrationTests() : ScimQueryColumnsMigrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimQueryColumnsMigrationTests() : ScimQueryColumnsMigrationTests(new PostgresPortalFixture());
