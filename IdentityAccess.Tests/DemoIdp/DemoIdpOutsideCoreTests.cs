using IdentityAccess.Core.Persistence;
using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Saml;
using IdentityAccess.DemoIdp.Seed;
using IdentityAccess.DemoIdp.Storage;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.DemoIdp;

/// <summary>
/// IdentityAccess.Core holds only what production runs: no type of the demo IdP or of the IdP side of SAML, no demo
/// entity in the production model or its migrations, and outside Development none of the demo's services or files exist.
/// </summary>
public sealed class DemoIdpOutsideCoreTests
{
    private static readonly System.Reflection.Assembly _core = typeof(IdentityAccessDbContext).Assembly;
    private static readonly System.Reflection.Assembly _demo = typeof(DemoIdpDbContext).Assembly;

    [Fact]
    public void CoreAssembly_HasNoDemoOrIdpSideType_AndDoesNotReferenceTheDemo()
    {
        string[] idpSide = [nameof(SamlResponseSigner), "SamlResponseXml", nameof(SamlResponseContent)];

        // The past migration that created the demo tables stays, as migrations do; SsoDemoIdp drops them.
        var demoTypes = _core.GetTypes().Where(t => !typeof(Migration).IsAssignableFrom(t))
            .Where(t => t.Namespace?.StartsWith("IdentityAccess.Core.Demo", StringComparison.Ordinal) == true
                || t.Name.StartsWith("Demo", StringComparison.Ordinal) || idpSide.Contains(t.Name))
            .Select(t => t.FullName).ToList();

        Assert.Empty(demoTypes);
        Assert.DoesNotContain(_core.GetReferencedAssemblies(), a => a.Name == _demo.GetName().Name);
        // What moved is where the demo is now.
        Assert.All(new[] { typeof(SamlResponseSigner), typeof(DemoIdpSignIn), typeof(DemoSeeder), typeof(DemoIdpKeyStore) }, t => Assert.Same(_demo, t.Assembly));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void ProductionModel_AndItsMigrationSnapshot_HaveNoDemoEntity(DatabaseProvider provider)
    {
        using var db = ProductionContext(provider); // builds the model only: no connection is opened

        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;

        Assert.Empty(DemoEntities(db.Model));
        Assert.Empty(DemoEntities(snapshot));
        Assert.DoesNotContain(db.Model.GetEntityTypes(), e => e.ClrType.Assembly == _demo);
    }

    [Fact]
    public void DemoIdpModel_HoldsTheFiveDemoTablesAndNothingOfTheProduct()
    {
        using var db = new DemoIdpDbContext(new DbContextOptionsBuilder<DemoIdpDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(["DemoIdpGroupMembers", "DemoIdpGroups", "DemoIdpKeys", "DemoIdpPeople", "DemoIdpPushedObjects"],
            db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProductionApp_HasNoDemoServicesAndWritesNoDemoDatabase()
    {
        await using var database = new SqliteFileTestDatabase();
        await using var production = new IdentityAccessWebFactory(database, "Production", useTestAuth: false,
            new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "https://portal.example.test" });

        var services = production.Services; // starts the app

        foreach (var type in new[] { typeof(IDbContextFactory<DemoIdpDbContext>), typeof(DemoIdpStorage), typeof(DemoIdpStore), typeof(DemoSeeder),
            typeof(DemoIdpKeyStore), typeof(DemoIdpSignIn), typeof(DemoIdpConnections), typeof(DemoIdpDirectoryService) })
        {
            Assert.True(services.GetService(type) is null, $"{type.Name} is registered in Production");
        }

        Assert.Equal(["identityaccess.db"], Directory.GetFiles(Path.GetDirectoryName(database.FilePath)!, "*.db").Select(Path.GetFileName));
        await using var db = await production.CreateDbContextAsync();
        Assert.False(await db.ParentOrganizations.AnyAsync()); // and no demo seeded
    }

    private static List<string> DemoEntities(IReadOnlyModel model) =>
        [.. model.GetEntityTypes().Where(e => e.Name.Contains("Demo", StringComparison.Ordinal)
            || (e.GetTableName() ?? "").StartsWith("Demo", StringComparison.Ordinal)).Select(e => e.Name)];

    private static IdentityAccessDbContext ProductionContext(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteIdentityAccessDbContext(
            new DbContextOptionsBuilder<SqliteIdentityAccessDbContext>().UseSqlite("Data Source=:memory:").Options),
        DatabaseProvider.Postgres => new PostgresIdentityAccessDbContext(
            new DbContextOptionsBuilder<PostgresIdentityAccessDbContext>().UseNpgsql("Host=unused.invalid").Options),
    };
}
