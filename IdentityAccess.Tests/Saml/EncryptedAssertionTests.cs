using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// Step 4b: an EncryptedAssertion is decrypted with the SP's keys and then passes the same checklist as a plain one.
/// Every response here is built and encrypted in the test, for each allowed algorithm and for each refusal.
/// </summary>
public sealed class EncryptedAssertionTests : IDisposable
{
    private readonly SamlScenario _scenario = new();
    private readonly RSA _spKey = SamlTestKeys.SpEncryption.GetRSAPrivateKey()!;
    private readonly RSA _spNextKey = SamlTestKeys.SpEncryptionNext.GetRSAPrivateKey()!;

    public void Dispose()
    {
        _spKey.Dispose();
        _spNextKey.Dispose();
    }

    [Theory]
    [InlineData(SamlEncryption.Aes128Gcm, SamlEncryption.RsaOaepMgf1p, null, null)]
    [InlineData(SamlEncryption.Aes256Gcm, SamlEncryption.RsaOaepMgf1p, null, null)]
    [InlineData(SamlEncryption.Aes128Cbc, SamlEncryption.RsaOaepMgf1p, SamlEncryption.Sha1, null)]
    [InlineData(SamlEncryption.Aes256Cbc, SamlEncryption.RsaOaepMgf1p, null, null)]
    [InlineData(SamlEncryption.Aes256Gcm, SamlEncryption.RsaOaep, null, null)]
    [InlineData(SamlEncryption.Aes128Gcm, SamlEncryption.RsaOaep, SamlEncryption.Sha1, null)]
    [InlineData(SamlEncryption.Aes256Cbc, SamlEncryption.RsaOaep, SamlEncryption.Sha256, SamlEncryption.Mgf1Sha256)]
    [InlineData(SamlEncryption.Aes128Cbc, SamlEncryption.RsaOaep, SamlEncryption.Sha256, SamlEncryption.Mgf1Sha256)]
    public async Task ValidateAsync_EncryptedWithAnAllowedAlgorithm_DecryptedAndAccepted(string content, string keyTransport, string? digest, string? mgf)
    {
        var encryption = new SamlEncryption { ContentAlgorithm = content, KeyTransport = keyTransport, Digest = digest, Mgf = mgf };

        var result = await ValidateAsync(Encrypted(encryption));

        Assert.True(result.Succeeded, result.Rejection?.Message);
        Assert.Equal(SamlScenario.NameId, result.Assertion.NameId);
        Assert.Equal(["engineering", "it-admins"], result.Assertion.Attributes["groups"]);
    }

    [Fact]
    public async Task ValidateAsync_EncryptedKeyBesideTheEncryptedData_Accepted()
    {
        var result = await ValidateAsync(Encrypted(new SamlEncryption { KeyBesideData = true }));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_OnlyTheResponseSignedOverTheCiphertext_Accepted()
    {
        var document = _scenario.SignedDocument(_scenario.Content with { SignResponse = true },
            new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false, EditBeforeSigning = d => Encrypt(d, new SamlEncryption()) });
        _scenario.IdentityProvider = _scenario.IdentityProvider with { RequireSignedAssertion = false };

        var result = await ValidateAsync(document);

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_SignedResponseWithTheCiphertextSwappedForTheAttackers_RejectedBeforeDecrypting()
    {
        // Anyone can encrypt to the SP's public certificate: the attacker replaces the IdP's ciphertext with their own.
        var document = _scenario.SignedDocument(_scenario.Content with { SignResponse = true },
            new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false, EditBeforeSigning = d => Encrypt(d, new SamlEncryption()) });
        var evil = _scenario.SignedDocument(_scenario.Content with { NameId = "admin" }, new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false });
        var evilEncrypted = new SamlEncryption().EncryptInPlace(evil.Assertion(), _spKey);
        var original = document.Response().Select("saml:EncryptedAssertion");
        document.Response().ReplaceChild(document.ImportNode(evilEncrypted, deep: true), original);
        _scenario.IdentityProvider = _scenario.IdentityProvider with { RequireSignedAssertion = false };

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_NeitherSignedOnlyEncrypted_RejectedAsUnsigned()
    {
        // Encryption is not authentication (GitHub Enterprise Server, CVE-2024-4985): an unsigned assertion stays refused.
        var document = _scenario.SignedDocument(signer: new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false });
        Encrypt(document, new SamlEncryption());
        _scenario.IdentityProvider = _scenario.IdentityProvider with { RequireSignedAssertion = false };

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.MissingSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_AttackerEncryptsAnEditedSignedAssertion_RejectedAsInvalidSignature()
    {
        var document = _scenario.SignedDocument();
        document.NameId().InnerText = "admin";
        Encrypt(document, new SamlEncryption());

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_EncryptedToAnotherKey_RejectedAsUndecryptable()
    {
        using var attackerKey = SamlTestKeys.Attacker.GetRSAPrivateKey()!;
        var document = _scenario.SignedDocument();
        new SamlEncryption().EncryptInPlace(document.Assertion(), attackerKey);

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.DecryptionFailed, result.Rejection?.Reason);
        Assert.Contains(XmlEncDecryptor.CannotDecrypt, result.Rejection!.Message, StringComparison.Ordinal);
    }

    // Altered ciphertext: the GCM tag, a CBC block whose padding no longer holds, and a CBC IV that changes only the
    // plaintext's first block (padding intact, XML broken). All three give the same answer, word for word.
    [Theory]
    [InlineData(SamlEncryption.Aes256Gcm, 20)]
    [InlineData(SamlEncryption.Aes256Cbc, -20)]
    [InlineData(SamlEncryption.Aes256Cbc, 1)]
    public async Task ValidateAsync_CiphertextAltered_RejectedWithOneAnswer(string content, int byteToFlip)
    {
        var document = Encrypted(new SamlEncryption { ContentAlgorithm = content });
        var cipherValue = document.Response().Select("saml:EncryptedAssertion/*[local-name()='EncryptedData']/*[local-name()='CipherData']/*[local-name()='CipherValue']");
        var bytes = Convert.FromBase64String(cipherValue.InnerText);
        bytes[byteToFlip < 0 ? bytes.Length + byteToFlip : byteToFlip] ^= 0x5a;
        cipherValue.InnerText = Convert.ToBase64String(bytes);

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.DecryptionFailed, result.Rejection?.Reason);
        Assert.Equal(new SamlRejection(SamlFailureReason.DecryptionFailed, XmlEncDecryptor.CannotDecrypt).Message, result.Rejection!.Message);
    }

    [Theory]
    [InlineData(SamlEncryption.Rsa15, null, null, "RSA-1.5")]
    [InlineData(SamlEncryption.RsaOaep, SamlEncryption.Sha256, null, "mask generation")]
    [InlineData(SamlEncryption.RsaOaepMgf1p, SamlEncryption.Sha256, null, "mask generation")]
    public async Task ValidateAsync_KeyTransportNotAllowed_RefusedBeforeAnyDecryption(string keyTransport, string? digest, string? mgf, string says)
    {
        var result = await ValidateAsync(Encrypted(new SamlEncryption { KeyTransport = keyTransport, Digest = digest, Mgf = mgf }));

        Assert.Equal(SamlFailureReason.EncryptionNotAccepted, result.Rejection?.Reason);
        Assert.Contains(says, result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content algorithm", "the content encryption")]
    [InlineData("cipher reference", "no CipherValue")]
    [InlineData("content type", "Type")]
    public async Task ValidateAsync_EncryptedDataNotAccepted_Refused(string edit, string says)
    {
        var document = Encrypted(new SamlEncryption());
        var data = document.Response().Select("saml:EncryptedAssertion/*[local-name()='EncryptedData']");
        switch (edit)
        {
            case "content algorithm":
                data.Select("*[local-name()='EncryptionMethod']").SetAttribute("Algorithm", "http://www.w3.org/2001/04/xmlenc#tripledes-cbc");
                break;
            case "cipher reference":
                var reference = document.CreateElement("xenc", "CipherReference", SamlEncryption.XmlEncNs);
                reference.SetAttribute("URI", "https://attacker.example/ciphertext");
                data.Select("*[local-name()='CipherData']").AppendChild(reference);
                break;
            case "content type":
                data.SetAttribute("Type", SamlEncryption.XmlEncNs + "Content");
                break;
        }

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.EncryptionNotAccepted, result.Rejection?.Reason);
        Assert.Contains(says, result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_EncryptedButNoSpKeyConfigured_RefusedAsNotSupported()
    {
        var result = await _scenario.ValidateAsync(SamlScenario.Encode(Encrypted(new SamlEncryption())));

        Assert.Equal(SamlFailureReason.EncryptedAssertionNotSupported, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_DuringARotation_BothTheCurrentAndTheNextKeyDecrypt()
    {
        var toCurrent = Encrypted(new SamlEncryption());
        var toNext = _scenario.SignedDocument(_scenario.Content);
        new SamlEncryption().EncryptInPlace(toNext.Assertion(), _spNextKey);
        var keys = new[] { _spKey, _spNextKey };

        var current = await ValidateAsync(toCurrent, keys);
        var next = await ValidateAsync(toNext, keys);

        Assert.True(current.Succeeded, current.Rejection?.Message);
        Assert.True(next.Succeeded, next.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_EncryptedToARetiredKey_Refused()
    {
        // Retired: the old key is no longer among the keys the SP decrypts with.
        var result = await ValidateAsync(Encrypted(new SamlEncryption()), [_spNextKey]);

        Assert.Equal(SamlFailureReason.DecryptionFailed, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_DecryptedAssertionReplayed_RefusedTheSecondTime()
    {
        var encoded = SamlScenario.Encode(Encrypted(new SamlEncryption()));
        var context = _scenario.Context() with { DecryptionKeys = [_spKey] };

        Assert.True((await SamlResponseValidator.ValidateAsync(encoded, context)).Succeeded);
        var second = await SamlResponseValidator.ValidateAsync(encoded, context);

        Assert.Equal(SamlFailureReason.Replayed, second.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_DecryptedAssertionForAnotherAudience_Refused()
    {
        var result = await ValidateAsync(Encrypted(new SamlEncryption(), _scenario.Content with { Audience = "urn:someone-else" }));

        Assert.Equal(SamlFailureReason.AudienceMismatch, result.Rejection?.Reason);
    }

    private XmlDocument Encrypted(SamlEncryption encryption, SamlResponseContent? content = null)
    {
        var document = _scenario.SignedDocument(content);
        Encrypt(document, encryption);
        return document;
    }

    private void Encrypt(XmlDocument document, SamlEncryption encryption) => encryption.EncryptInPlace(document.Assertion(), _spKey);

    private Task<SamlValidationResult> ValidateAsync(XmlDocument document, RSA[]? keys = null) =>
        _scenario.ValidateAsync(SamlScenario.Encode(document), _scenario.Context() with { DecryptionKeys = keys ?? [_spKey] });
}
