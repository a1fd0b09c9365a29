using System.Xml.Linq;
using IdentityAccess.Core.Persistence.DataProtectionKeys;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IdentityAccess.Tests.Web.Startup;

/// <summary>The migration DataProtectionKeysProtected deletes the keys earlier versions stored in plain text, on both databases.</summary>
public abstract class DataProtectionKeysMigrationTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Upgrade_DeletesPlaintextKeys_KeepsEncryptedOnes()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ParentTrustModel"); // the schema as the previous version left it
        db.DataProtectionKeys.AddRange(Row("key-plain", DataProtectionKeySamples.Plain()), Row("key-encrypted", DataProtectionKeySamples.Encrypted()));
        await db.SaveChangesAsync();

        await migrator.MigrateAsync();

        Assert.Equal(["key-encrypted"], await db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName).ToListAsync());
    }

    private static DataProtectionKeyRecord Row(string name, XElement key) => new() { FriendlyName = name, Xml = key.ToString(SaveOptions.DisableFormatting) };
}

public sealed class SqliteDataProtectionKeysMigrationTests() : DataProtectionKeysMigrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresDataProtectionKeysMigrationTests() : DataProtectionKeysMigrationTests(new PostgresPortalFixture());
