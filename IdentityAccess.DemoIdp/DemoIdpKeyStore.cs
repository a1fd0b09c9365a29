using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IdentityAccess.DemoIdp.Storage;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.DemoIdp;

/// <summary>The demo IdP's signing certificate: created on first use (RSA 2048, self-signed), then reused.</summary>
public sealed class DemoIdpKeyStore(IDbContextFactory<DemoIdpDbContext> contexts, TimeProvider time)
{
    public async Task<X509Certificate2> GetOrCreateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Keys.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } stored)
        {
            return Load(stored.Pkcs12);
        }

        var now = time.GetUtcNow();
        var pkcs12 = CreateCertificate(now);
        db.Keys.Add(new DemoIdpKey { Pkcs12 = pkcs12, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Load(pkcs12);
        }
        catch (DbUpdateException)
        {
            // Two first uses raced; the key that was saved first is the IdP's key.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            return Load((await again.Keys.AsNoTracking().SingleAsync(cancellationToken)).Pkcs12);
        }
    }

    private static byte[] CreateCertificate(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=IdentityAccess demo identity provider (Development only)", rsa, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        return certificate.Export(X509ContentType.Pkcs12);
    }

    // Ephemeral: the key lives in memory only, never in the machine's key store.
    private static X509Certificate2 Load(byte[] pkcs12) =>
        X509CertificateLoader.LoadPkcs12(pkcs12, password: null, X509KeyStorageFlags.EphemeralKeySet);
}
