using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// The attack harness's signature-wrapping (XSW1–8) and comment-injection cases, hidden inside encryption. The SP's
/// encryption certificate is public, so an attacker can encrypt whatever they like to it: after decryption each case
/// must meet the same refusal as in the clear.
/// </summary>
public sealed class EncryptedAssertionWrappingTests : IDisposable
{
    private readonly SamlScenario _scenario = new();
    private readonly RSA _spKey = SamlTestKeys.SpEncryption.GetRSAPrivateKey()!;

    public void Dispose() => _spKey.Dispose();

    [Theory]
    [InlineData("XSW1")]
    [InlineData("XSW2")]
    [InlineData("XSW3")]
    [InlineData("XSW4")]
    [InlineData("XSW5")]
    [InlineData("XSW6")]
    [InlineData("XSW7")]
    [InlineData("XSW8")]
    public async Task ValidateAsync_ClassicWrappingThenEachAssertionEncrypted_Rejected(string attack)
    {
        var document = Target(attack);
        SignatureWrappingTests.Attacks[attack](document);
        new SamlEncryption().EncryptAllInPlace(document, _spKey);

        var result = await ValidateAsync(document);

        // Several EncryptedAssertions, or one whose plaintext holds a second assertion: the one-assertion rule either way.
        Assert.Equal(SamlFailureReason.MultipleAssertions, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_EvilPlainAssertionBesideTheEncryptedOriginal_Rejected()
    {
        var document = _scenario.SignedDocument();
        var evil = document.Assertion().DeepCopy();
        evil.SetAttribute("ID", "_evil_assertion");
        new SamlEncryption().EncryptInPlace(document.Assertion(), _spKey);
        document.Response().AppendChild(evil);

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.MultipleAssertions, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_EncryptedAssertionHiddenInExtensions_Rejected()
    {
        var document = _scenario.SignedDocument();
        var encrypted = new SamlEncryption().EncryptInPlace(document.Assertion(), _spKey);
        var extensions = document.NewElement(SamlXml.ProtocolNs, "samlp:Extensions");
        document.Response().InsertBefore(extensions, document.Response().Select("samlp:Status"));
        extensions.AppendChild(encrypted);

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.AssertionMisplaced, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_CommentInsideEncryptedNameId_RejectedRatherThanReadTruncated()
    {
        // SamlResponseInputTests' comment injection (CVE-2017-11427), where only decryption reveals the comment.
        var document = _scenario.SignedDocument(_scenario.Content with { NameId = "alice@example.test.evil.test" });
        var nameId = document.NameId();
        nameId.InnerText = "alice@example.test";
        nameId.AppendChild(document.CreateComment(""));
        nameId.AppendChild(document.CreateTextNode(".evil.test"));
        new SamlEncryption().EncryptInPlace(document.Assertion(), _spKey);

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.CommentsNotAllowed, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ProcessingInstructionInsideEncryptedAssertion_Rejected()
    {
        var document = _scenario.SignedDocument();
        document.Assertion().AppendChild(document.CreateProcessingInstruction("evil", "x"));
        new SamlEncryption().EncryptInPlace(document.Assertion(), _spKey);

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.CommentsNotAllowed, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ResponseSignatureMovedIntoTheEncryptedAssertion_Rejected()
    {
        // Only the Response is signed (over the IdP's ciphertext); the attacker edits the assertion, puts the Response's
        // signature inside it and encrypts that: the signature's reference is not its new parent.
        var document = _scenario.SignedDocument(_scenario.Content with { SignResponse = true },
            new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false });
        var signature = document.Response().Signature();
        document.Response().RemoveChild(signature);
        document.Assertion().InsertAfter(signature, document.Assertion().Select("saml:Issuer"));
        document.NameId().InnerText = "admin";
        new SamlEncryption().EncryptInPlace(document.Assertion(), _spKey);
        _scenario.IdentityProvider = _scenario.IdentityProvider with { RequireSignedAssertion = false };

        var result = await ValidateAsync(document);

        Assert.Equal(SamlFailureReason.InvalidSignatureStructure, result.Rejection?.Reason);
    }

    /// <summary>As SignatureWrappingTests: XSW1–2 target a Response-only signature, XSW3–8 an Assertion-only one.</summary>
    private XmlDocument Target(string attack) => attack is "XSW1" or "XSW2"
        ? _scenario.SignedDocument(_scenario.Content with { SignResponse = true }, new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false })
        : _scenario.SignedDocument();

    private Task<SamlValidationResult> ValidateAsync(XmlDocument document) =>
        _scenario.ValidateAsync(SamlScenario.Encode(document), _scenario.Context() with { DecryptionKeys = [_spKey] });
}
