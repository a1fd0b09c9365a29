using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IdentityAccess.Core.Sso;
using IdentityAccess.Core.Sso.SpKeys;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sso.SpKeys;

/// <summary>
/// Where SP key pairs come from: the app generates a fresh RSA-3072 pair for every SP key; the tests' pool
/// (<see cref="PregeneratedSpKeyPairs"/>) only stands in for that generation, with keys as strong and never handed out
/// twice; and no source, the tests' included, can make an SP key of another size.
/// </summary>
public sealed class SpKeyPairSourceTests
{
    [Fact]
    public void TheAppsSource_IsTheFreshGenerator()
    {
        var registered = new ServiceCollection().AddSso().Single(d => d.ServiceType == typeof(ISpKeyPairSource));

        Assert.Equal(typeof(FreshSpKeyPairs), registered.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, registered.Lifetime);
    }

    [Fact]
    public void FreshSpKeyPairs_NewKeyPair_GeneratesANewRsa3072PairEachTime()
    {
        var source = new FreshSpKeyPairs();

        using var first = source.NewKeyPair();
        using var second = source.NewKeyPair();

        Assert.Equal(3072, first.KeySize);
        Assert.Equal(3072, second.KeySize);
        Assert.NotEqual(first.ExportParameters(false).Modulus, second.ExportParameters(false).Modulus);
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(1024)]
    public void Create_APairOfAnotherSize_Refused(int bits)
    {
        var source = new OneSizeKeyPairs(bits);

        var refused = Assert.Throws<InvalidOperationException>(() =>
            SamlSpKeyFactory.Create(Guid.NewGuid(), SamlSpKeyUse.Signing, SamlSpKeyStatus.Current, new ClearProtector(), source, DateTimeOffset.UtcNow));

        Assert.Contains($"{bits} bits", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PregeneratedSpKeyPairs_EveryPairRsa3072_DistinctAndSigning_ThenFreshPastThePool()
    {
        var source = new PregeneratedSpKeyPairs();
        var data = "AuthnRequest"u8.ToArray();
        var moduli = new HashSet<string>();

        for (var i = 0; i < PregeneratedSpKeyPairs.PoolSize; i++)
        {
            using var rsa = source.NewKeyPair();
            Assert.Equal(3072, rsa.KeySize);
            Assert.True(moduli.Add(Convert.ToHexString(rsa.ExportParameters(false).Modulus!)), $"pair {i} handed out twice");
            var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var publicOnly = RSA.Create(rsa.ExportParameters(false));
            Assert.True(publicOnly.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), $"pair {i} does not sign");
        }

        using var pastThePool = source.NewKeyPair();
        Assert.Equal(3072, pastThePool.KeySize);
        Assert.DoesNotContain(Convert.ToHexString(pastThePool.ExportParameters(false).Modulus!), moduli);
    }

    [Fact]
    public void PregeneratedSpKeyPairs_TwoSpKeys_DistinctKeysAndFingerprints_EachDecryptsOnlyItsOwn()
    {
        var source = new PregeneratedSpKeyPairs();
        var protector = new ClearProtector();
        var now = DateTimeOffset.UtcNow;

        var current = SamlSpKeyFactory.Create(Guid.NewGuid(), SamlSpKeyUse.Encryption, SamlSpKeyStatus.Current, protector, source, now);
        var next = SamlSpKeyFactory.Create(current.ParentOrganizationId, SamlSpKeyUse.Encryption, SamlSpKeyStatus.Next, protector, source, now);

        Assert.NotEqual(current.Fingerprint, next.Fingerprint);
        using var toCurrent = SamlSpKeyFactory.Certificate(current).GetRSAPublicKey()!;
        var secret = toCurrent.Encrypt("session key"u8.ToArray(), RSAEncryptionPadding.OaepSHA256);
        using var currentKey = SamlSpKeyFactory.PrivateKey(current, protector);
        using var nextKey = SamlSpKeyFactory.PrivateKey(next, protector);
        Assert.Equal("session key"u8.ToArray(), currentKey.Decrypt(secret, RSAEncryptionPadding.OaepSHA256));
        Assert.ThrowsAny<CryptographicException>(() => _ = nextKey.Decrypt(secret, RSAEncryptionPadding.OaepSHA256));
    }

    private sealed class OneSizeKeyPairs(int bits) : ISpKeyPairSource
    {
        public RSA NewKeyPair() => RSA.Create(bits);
    }

    /// <summary>No protection: these tests look at the keys, not at how they are kept (the app's protector has its own tests).</summary>
    private sealed class ClearProtector : ISamlSpKeyProtector
    {
        public byte[] Protect(byte[] privateKey) => [.. privateKey];

        public byte[] Unprotect(byte[] protectedPrivateKey) => [.. protectedPrivateKey];
    }
}
