using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IdentityAccess.Tests.Core.Persistence;

/// <summary>
/// The migration SsoDemoIdp drops the five demo IdP tables from a database that still has them, demo rows and all
/// (one of them referenced a parent organization), and leaves the product's data alone. On both databases.
/// </summary>
public abstract class SsoDemoIdpMigrationTests(PortalFixture portal) : IAsyncLifetime
{
    private static readonly string[] _demoTables = ["DemoIdpGroupMembers", "DemoIdpGroups", "DemoIdpKeys", "DemoIdpPeople", "DemoIdpPushedObjects"];

    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Upgrade_DatabaseWithDemoTablesAndRows_DropsThemAndKeepsTheProductsData()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("SsoCrypto"); // the schema as the previous version left it, demo tables included
        Assert.Equal(_demoTables, await DemoTablesAsync(db));
        var people = await db.People.CountAsync();
        var (person, now) = (Guid.NewGuid(), DateTimeOffset.UtcNow);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DemoIdpPeople" ("Id", "ImmutableId", "Email", "NormalizedEmail", "Domain", "DisplayName", "Active", "CreatedAt")
            VALUES ({person}, 'entra-zoe', 'zoe@acme.test', 'ZOE@ACME.TEST', 'acme.test', 'Zoe', TRUE, {now})
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""INSERT INTO "DemoIdpKeys" ("Id", "Pkcs12", "CreatedAt") VALUES (1, {new byte[] { 1, 2, 3 }}, {now})""");
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DemoIdpPushedObjects" ("Id", "ParentOrganizationId", "Kind", "ImmutableId", "ScimId")
            VALUES ({Guid.NewGuid()}, {portal.Demo.AcmeParent}, 'User', 'entra-zoe', 'scim-1')
            """);

        await migrator.MigrateAsync();

        Assert.Empty(await DemoTablesAsync(db));
        Assert.Equal(people, await db.People.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static async Task<List<string>> DemoTablesAsync(DbContext db)
    {
        var sql = db.Database.IsSqlite()
            ? """SELECT name AS "Value" FROM sqlite_master WHERE type = 'table' AND name LIKE 'DemoIdp%'"""
            : """SELECT table_name AS "Value" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'DemoIdp%'""";
        return [.. (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal)];
    }
}

public sealed class SqliteSsoDemoIdpMigrationTests() : SsoDemoIdpMigrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSsoDemoIdpMigrationTests() : SsoDemoIdpMigrationTests(new PostgresPortalFixture());
