using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// The SP's decryption keys are read only for a Response that carries an EncryptedAssertion (most IdPs do not
/// encrypt), and the keys read are disposed once the Response is validated; step 4b itself is unchanged
/// (<see cref="EncryptedAssertionTests"/>).
/// </summary>
public sealed class DecryptionKeySourceTests
{
    private readonly SamlScenario _scenario = new();
    private readonly List<RSA> _handedOut = [];
    private int _reads;

    [Fact]
    public async Task ValidateAsync_PlainAssertion_ReadsNoKey()
    {
        var result = await _scenario.ValidateAsync(SamlScenario.Encode(_scenario.SignedDocument()), _scenario.Context() with { DecryptionKeySource = ReadKeysAsync });

        Assert.True(result.Succeeded, result.Rejection?.Message);
        Assert.Equal(0, _reads);
    }

    [Fact]
    public async Task ValidateAsync_EncryptedAssertion_ReadsTheKeysOnceDecryptsAndDisposesThem()
    {
        var document = Encrypted();

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document), _scenario.Context() with { DecryptionKeySource = ReadKeysAsync });

        Assert.True(result.Succeeded, result.Rejection?.Message);
        Assert.Equal(SamlScenario.NameId, result.Assertion.NameId);
        Assert.Equal(1, _reads);
        Assert.Throws<ObjectDisposedException>(() => _handedOut.Single().ExportParameters(false));
    }

    [Fact]
    public async Task ValidateAsync_EncryptedAssertionWithoutAKeySource_RefusedAsEncrypted()
    {
        var document = Encrypted();

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document), _scenario.Context());

        Assert.Equal(SamlFailureReason.EncryptedAssertionNotSupported, result.Rejection?.Reason);
    }

    private XmlDocument Encrypted()
    {
        var document = _scenario.SignedDocument();
        using var publicKey = SamlTestKeys.SpEncryption.GetRSAPublicKey()!;
        new SamlEncryption().EncryptInPlace(document.Assertion(), publicKey);
        return document;
    }

    private Task<IReadOnlyList<RSA>> ReadKeysAsync(CancellationToken cancellationToken)
    {
        _reads++;
        var key = SamlTestKeys.SpEncryption.GetRSAPrivateKey()!;
        _handedOut.Add(key);
        return Task.FromResult<IReadOnlyList<RSA>>([key]);
    }
}
