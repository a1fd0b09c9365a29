using System.Security.Cryptography.Xml;
using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>Checklist steps 7–9: which signatures count, and what they must look like.</summary>
public sealed class SamlResponseSignatureTests
{
    private readonly SamlScenario _scenario = new();

    [Fact]
    public async Task ValidateAsync_NothingSigned_Rejected()
    {
        var signer = new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false };

        var result = await _scenario.ValidateAsync(signer.CreateBase64(_scenario.Content));

        Assert.Equal(SamlFailureReason.MissingSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_OnlyResponseSigned_RejectedWhileSignedAssertionsAreRequired()
    {
        var signer = new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false };

        var result = await _scenario.ValidateAsync(signer.CreateBase64(_scenario.Content with { SignResponse = true }));

        Assert.Equal(SamlFailureReason.MissingSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_OnlyResponseSigned_AcceptedWhenTheConnectionAllowsIt()
    {
        _scenario.IdentityProvider = _scenario.IdentityProvider with { RequireSignedAssertion = false };
        var signer = new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false };

        var result = await _scenario.ValidateAsync(signer.CreateBase64(_scenario.Content with { SignResponse = true }));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_ResponseAndAssertionSigned_Accepted()
    {
        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(_scenario.Content with { SignResponse = true }));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_NameIdChangedAfterSigning_Rejected()
    {
        var document = _scenario.SignedDocument();
        document.NameId().InnerText = "admin";

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_GroupAddedAfterSigning_Rejected()
    {
        var document = _scenario.SignedDocument();
        var value = document.Select("//saml:Attribute[@Name='groups']/saml:AttributeValue");
        var added = value.DeepCopy();
        added.InnerText = "owners";
        value.ParentNode!.AppendChild(added);

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_SignedResponseChangedOutsideTheAssertion_Rejected()
    {
        var document = _scenario.SignedDocument(_scenario.Content with { SignResponse = true });
        document.Select("/samlp:Response/samlp:Status/samlp:StatusCode").SetAttribute("Extra", "1");

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_SignedByAnotherKeyThatKeyInfoCarries_Rejected()
    {
        // The attacker's certificate is in KeyInfo; only the pinned IdP certificate may be trusted.
        var response = new SamlResponseSigner(SamlTestKeys.Attacker).CreateBase64(_scenario.Content);

        var result = await _scenario.ValidateAsync(response);

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_SignedWithTheNextCertificateDuringRollover_Accepted()
    {
        _scenario.IdentityProvider = new SamlIdpConnection(
            SamlScenario.IdpEntityId,
            _scenario.IdentityProvider.SingleSignOnUrl,
            [SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)],
            SamlAttributeProfile.Okta);

        var result = await _scenario.ValidateAsync(new SamlResponseSigner(SamlTestKeys.IdpNext).CreateBase64(_scenario.Content));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_ConnectionHasOnlyAWeakKey_RejectedAsUnusable()
    {
        _scenario.IdentityProvider = new SamlIdpConnection(
            SamlScenario.IdpEntityId,
            _scenario.IdentityProvider.SingleSignOnUrl,
            [SamlTestKeys.PublicOnly(SamlTestKeys.Weak)],
            SamlAttributeProfile.Okta);

        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(_scenario.Content));

        Assert.Equal(SamlFailureReason.NoUsableSigningKey, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData(SignedXml.XmlDsigRSASHA1Url, SignedXml.XmlDsigSHA256Url)]
    [InlineData(SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigSHA1Url)]
    public async Task ValidateAsync_Sha1SignatureOrDigest_Rejected(string signatureMethod, string digestMethod)
    {
        var signer = new SamlResponseSigner(SamlTestKeys.Idp) { SignatureMethod = signatureMethod, DigestMethod = digestMethod };

        var result = await _scenario.ValidateAsync(signer.CreateBase64(_scenario.Content));

        Assert.Equal(SamlFailureReason.DisallowedAlgorithm, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_Sha512_Accepted()
    {
        var signer = new SamlResponseSigner(SamlTestKeys.Idp)
        {
            SignatureMethod = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            DigestMethod = SignedXml.XmlDsigSHA512Url,
        };

        var result = await _scenario.ValidateAsync(signer.CreateBase64(_scenario.Content));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    private static readonly Dictionary<string, Action<XmlDocument>> _signatureEdits = new()
    {
        ["canonicalization with comments"] = d => d.Assertion().Signature().Select("ds:SignedInfo/ds:CanonicalizationMethod")
            .SetAttribute("Algorithm", SignedXml.XmlDsigExcC14NWithCommentsTransformUrl),
        ["inclusive c14n transform added"] = d =>
        {
            var transforms = d.Assertion().Signature().Select("ds:SignedInfo/ds:Reference/ds:Transforms");
            var extra = transforms.Select("ds:Transform").DeepCopy();
            extra.SetAttribute("Algorithm", SignedXml.XmlDsigC14NTransformUrl);
            transforms.AppendChild(extra);
        },
        ["enveloped transform removed"] = d =>
        {
            var transforms = d.Assertion().Signature().Select("ds:SignedInfo/ds:Reference/ds:Transforms");
            transforms.RemoveChild(transforms.Select($"ds:Transform[@Algorithm='{SignedXml.XmlDsigEnvelopedSignatureTransformUrl}']"));
        },
        ["second reference"] = d =>
        {
            var signedInfo = d.Assertion().Signature().Select("ds:SignedInfo");
            signedInfo.AppendChild(signedInfo.Select("ds:Reference").DeepCopy());
        },
        ["reference to the whole document"] = d => d.Assertion().Signature().Select("ds:SignedInfo/ds:Reference").SetAttribute("URI", ""),
        ["second signature on the assertion"] = d =>
        {
            var signature = d.Assertion().Signature();
            d.Assertion().InsertAfter(signature.DeepCopy(), signature);
        },
        ["ds:Object in the signature"] = d =>
            d.Assertion().Signature().AppendChild(d.NewElement(SamlXml.XmlDsigNs, "ds:Object")),
        ["malformed SignedInfo"] = d => d.Assertion().Signature().Select("ds:SignedInfo")
            .RemoveChild(d.Assertion().Signature().Select("ds:SignedInfo/ds:SignatureMethod")),
    };

    [Theory]
    [InlineData("canonicalization with comments", SamlFailureReason.DisallowedAlgorithm)]
    [InlineData("inclusive c14n transform added", SamlFailureReason.DisallowedAlgorithm)]
    [InlineData("enveloped transform removed", SamlFailureReason.InvalidSignatureStructure)]
    [InlineData("second reference", SamlFailureReason.InvalidSignatureStructure)]
    [InlineData("reference to the whole document", SamlFailureReason.InvalidSignatureStructure)]
    [InlineData("second signature on the assertion", SamlFailureReason.InvalidSignatureStructure)]
    [InlineData("ds:Object in the signature", SamlFailureReason.InvalidSignatureStructure)]
    [InlineData("malformed SignedInfo", SamlFailureReason.InvalidSignatureStructure)]
    public async Task ValidateAsync_SignatureShapeChanged_RejectedBeforeVerifying(string edit, SamlFailureReason expected)
    {
        var document = _scenario.SignedDocument();
        _signatureEdits[edit](document);

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(expected, result.Rejection?.Reason);
    }
}
