using System.Net;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Storage;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.DemoIdp;

/// <summary>
/// The demo IdP's own database: a file beside the app's SQLite file that keeps its directory and key across restarts,
/// and an app database from before the move (its demo tables dropped) gets a fresh demo directory its sign-in works with.
/// </summary>
public sealed class DemoIdpStorageTests : IAsyncLifetime
{
    private readonly SqliteFileTestDatabase _database = new();
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("ia-demo-idp-root-").FullName;

    private string DemoFile => Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "identityaccess.demo-idp.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }

    [Fact]
    public void Resolve_AppSqliteFile_IsTheFileBesideIt()
    {
        var resolved = DemoIdpStorage.Resolve(null, new DatabaseOptions { ConnectionString = "Data Source=data/identityaccess.db" }, _contentRoot);

        Assert.Equal($"Data Source={Path.Combine(_contentRoot, "data", "identityaccess.demo-idp.db")}", resolved);
    }

    [Fact]
    public void Resolve_Configured_WinsAndIsTakenFromTheContentRoot()
    {
        var resolved = DemoIdpStorage.Resolve("Data Source=elsewhere/idp.db", new DatabaseOptions { ConnectionString = "Data Source=data/identityaccess.db" }, _contentRoot);

        Assert.Equal($"Data Source={Path.Combine(_contentRoot, "elsewhere", "idp.db")}", resolved);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=file:ia_x?mode=memory&cache=shared")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=db;Database=identityaccess")]
    public void Resolve_NoAppFile_IsAPrivateInMemoryDatabase(DatabaseProvider provider, string appConnectionString)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = appConnectionString };

        var first = DemoIdpStorage.Resolve(null, options, _contentRoot);

        Assert.StartsWith("Data Source=file:demo-idp-", first, StringComparison.Ordinal);
        Assert.Contains("mode=memory", first, StringComparison.Ordinal);
        Assert.NotEqual(first, DemoIdpStorage.Resolve(null, options, _contentRoot)); // never another app's
        Assert.Empty(Directory.GetFileSystemEntries(_contentRoot));
    }

    [Fact]
    public async Task Restart_KeepsTheEditedDirectoryAndTheKey_InTheFileBesideTheAppDatabase()
    {
        string thumbprint;
        await using (var first = Development())
        {
            var directory = first.Services.GetRequiredService<DemoIdpDirectoryService>();
            var hank = (await directory.GetAsync()).People.Single(p => p.Email == "hank@globex.test");
            Assert.Null(await directory.SavePersonAsync(hank.Id, hank.Email, "Hank Renamed", active: false));
            using var key = await first.Services.GetRequiredService<DemoIdpKeyStore>().GetOrCreateAsync();
            thumbprint = key.Thumbprint;
        }

        Assert.True(File.Exists(DemoFile));
        await using var second = Development();
        var people = (await second.Services.GetRequiredService<DemoIdpDirectoryService>().GetAsync()).People;
        using var same = await second.Services.GetRequiredService<DemoIdpKeyStore>().GetOrCreateAsync();

        Assert.Equal(("Hank Renamed", false), people.Where(p => p.Email == "hank@globex.test").Select(p => (p.DisplayName, p.Active)).Single());
        Assert.Equal(thumbprint, same.Thumbprint);
    }

    [Fact]
    public async Task AppDatabaseWithoutDemoIdpFile_GetsAFreshDirectory_AndItsConnectionsFollowTheNewKey()
    {
        string oldPem;
        await using (var before = Development())
        {
            oldPem = await DemoConnectionPemAsync(before);
        }

        SqliteConnection.ClearAllPools(); // no pooled connection keeps the deleted file open
        File.Delete(DemoFile); // as after the upgrade: the app's database keeps its demo connections, the demo IdP starts afresh
        await using var after = Development();

        var newPem = await DemoConnectionPemAsync(after);
        using var key = await after.Services.GetRequiredService<DemoIdpKeyStore>().GetOrCreateAsync();
        Assert.NotEqual(oldPem, newPem);
        Assert.Equal(SamlConnection.ToPem([key]), newPem);
        Assert.Contains((await after.Services.GetRequiredService<DemoIdpDirectoryService>().GetAsync()).People, p => p.Email == "alice@acme.test");
        await using var db = await after.CreateDbContextAsync();
        var client = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var acs = await DemoIdpHttp.SignInAsync(client, await DemoIdpHttp.ParentIdAsync(db, "Acme Corporation"), "alice@acme.test");
        Assert.Equal((HttpStatusCode.Redirect, "/"), (acs.StatusCode, acs.Headers.Location!.OriginalString));
    }

    private IdentityAccessWebFactory Development() => new(_database, "Development", useTestAuth: false);

    private static async Task<string> DemoConnectionPemAsync(IdentityAccessWebFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        var pems = await db.SamlConnections.Where(c => c.EntityId == DemoIdentityProvider.EntityId).Select(c => c.SigningCertificatesPem).Distinct().ToListAsync();
        return Assert.Single(pems);
    }
}
