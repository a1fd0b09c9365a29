using System.Security.Cryptography;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Startup;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Startup;

/// <summary>
/// Whoever reads the database must not be able to forge a session cookie: with a certificate the keys in it are
/// encrypted, without one they are kept out of it, in a folder only the app's user can open.
/// </summary>
public sealed class DataProtectionKeysTests : IAsyncLifetime
{
    private readonly SqliteFileTestDatabase _database = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("ia-keys-test-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task WithCertificate_TheDatabaseHoldsOnlyEncryptedKeys_ThatOnlyThatCertificateOpens()
    {
        var certificate = TestCertificates.WritePfx(_folder, "keys");
        string secret;
        await using (var first = App(Certificate(certificate)))
        {
            secret = Protector(first).Protect("a session");
        }

        await using var second = App(Certificate(certificate));
        await using var otherCertificate = App(Certificate(TestCertificates.WritePfx(_folder, "someone-else")));

        Assert.Equal("a session", Protector(second).Unprotect(secret)); // another instance, same certificate
        Assert.ThrowsAny<CryptographicException>(() => Protector(otherCertificate).Unprotect(secret));
        await using var db = await second.CreateDbContextAsync();
        var rows = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // the key material itself
            Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task WithoutCertificate_KeysStayInAnOwnerOnlyFolder_NoneInTheDatabase()
    {
        var keys = Path.Combine(_folder, "data", "keys");
        await using var app = App(("DataProtection:KeysDirectory", keys));

        Assert.Equal("a session", Protector(app).Unprotect(Protector(app).Protect("a session")));

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows()) // Windows has no such modes; the folder inherits its parent's ACL there
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }

        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task Repository_UnencryptedKey_IsRefusedAndNothingIsStored()
    {
        await using var app = App(("DataProtection:KeysDirectory", Path.Combine(_folder, "keys")));
        var repository = new DatabaseKeyRepository(app.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>());

        var refused = Assert.Throws<InvalidOperationException>(() => repository.StoreElement(DataProtectionKeySamples.Plain(), "key-plain"));

        Assert.Contains("unencrypted", refused.Message, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public void Start_CertificateWithTheWrongPassword_FailsNamingTheSetting()
    {
        var certificate = TestCertificates.WritePfx(_folder, "keys");
        using var app = App(("DataProtection:Certificate:Path", certificate), ("DataProtection:Certificate:Password", "not-it"));

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("DataProtection:Certificate:Path", failure.ToString(), StringComparison.Ordinal);
    }

    private static (string, string)[] Certificate(string path) =>
        [("DataProtection:Certificate:Path", path), ("DataProtection:Certificate:Password", TestCertificates.Password)];

    private IdentityAccessWebFactory App(params (string Key, string Value)[] settings) =>
        new(_database, "Development", useTestAuth: false, settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private static IDataProtector Protector(IdentityAccessWebFactory app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("DataProtectionKeysTests");
}
