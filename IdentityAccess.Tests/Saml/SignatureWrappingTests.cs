using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// XML signature wrapping: XSW1–8 as "On Breaking SAML" (USENIX Security 2012) and SAMLRaider's XSWHelpers describe
/// them. Each keeps the IdP's signed original somewhere it still verifies and puts an evil copy (NameID "admin")
/// where a naive reader looks. Then variants with a single assertion, which the one-assertion rule cannot catch.
/// </summary>
public sealed class SignatureWrappingTests
{
    private const string Evil = "admin";
    private readonly SamlScenario _scenario = new();

    /// <summary>Shared with <see cref="EncryptedAssertionWrappingTests"/>, which hides each attack inside encryption.</summary>
    internal static readonly Dictionary<string, Action<XmlDocument>> Attacks = new()
    {
        // Response signatures: the evil Response takes the root, the signed original hides in (1) or before (2) its signature.
        ["XSW1"] = d => WrapResponse(d, (signature, original) => signature.AppendChild(original)),
        ["XSW2"] = d => WrapResponse(d, (signature, original) => signature.ParentNode!.InsertBefore(original, signature)),
        // Assertion signatures.
        ["XSW3"] = d =>
        {
            var evil = EvilCopy(d.Assertion(), newId: true);
            d.Response().InsertBefore(evil, d.Assertion());
        },
        ["XSW4"] = d =>
        {
            var original = d.Assertion();
            var evil = EvilCopy(original, newId: true);
            d.Response().AppendChild(evil);
            evil.AppendChild(original);
        },
        ["XSW5"] = d =>
        {
            var evil = d.Assertion();
            var original = Unsigned(evil.DeepCopy());
            MakeEvil(evil, newId: true);
            d.Response().AppendChild(original);
        },
        ["XSW6"] = d =>
        {
            var evil = d.Assertion();
            var original = Unsigned(evil.DeepCopy());
            evil.Signature().AppendChild(original);
            MakeEvil(evil, newId: true);
        },
        ["XSW7"] = d =>
        {
            var extensions = d.NewElement(SamlXml.ProtocolNs, "samlp:Extensions");
            d.Response().InsertBefore(extensions, d.Assertion());
            extensions.AppendChild(EvilCopy(d.Assertion(), newId: false));
        },
        ["XSW8"] = d =>
        {
            var evil = d.Assertion();
            var original = Unsigned(evil.DeepCopy());
            var dsObject = d.NewElement(SamlXml.XmlDsigNs, "ds:Object");
            evil.Signature().AppendChild(dsObject);
            dsObject.AppendChild(original);
            MakeEvil(evil, newId: false);
        },
    };

    // The second column is measured on .NET 10: whether plain SignedXml usage (the first ds:Signature anywhere,
    // CheckSignature with the pinned key, the first NameID) accepts the wrapped response, and which NameID it reads.
    [Theory]
    [InlineData("XSW1", null)]
    [InlineData("XSW2", SamlScenario.NameId)]
    [InlineData("XSW3", Evil)]
    [InlineData("XSW4", Evil)]
    [InlineData("XSW5", Evil)]
    [InlineData("XSW6", null)]
    [InlineData("XSW7", null)]
    [InlineData("XSW8", null)]
    public async Task ValidateAsync_ClassicWrapping_RejectedAsMultipleAssertions(string attack, string? plainSignedXmlReads)
    {
        var document = Target(attack);
        Attacks[attack](document);
        Assert.Equal(plainSignedXmlReads, PlainSignedXmlReads(document));

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.MultipleAssertions, result.Rejection?.Reason);
    }

    // Defence in depth, measured by calling the later steps directly on the wrapped document: even if the
    // one-assertion rule (step 5) were gone and the direct-child assertion were read, steps 6–9 would refuse it.
    [Theory]
    [InlineData("XSW1", SamlFailureReason.DuplicateId)]
    [InlineData("XSW2", SamlFailureReason.DuplicateId)]
    [InlineData("XSW3", SamlFailureReason.MissingSignature)]
    [InlineData("XSW4", SamlFailureReason.MissingSignature)]
    [InlineData("XSW5", SamlFailureReason.InvalidSignatureStructure)]
    [InlineData("XSW6", SamlFailureReason.InvalidSignatureStructure)]
    [InlineData("XSW7", SamlFailureReason.DuplicateId)]
    [InlineData("XSW8", SamlFailureReason.DuplicateId)]
    public void LaterSteps_ClassicWrappingWithoutTheOneAssertionRule_StillReject(string attack, SamlFailureReason expected)
    {
        var document = Target(attack);
        Attacks[attack](document);
        var response = document.Response();
        var assertion = response.Select("saml:Assertion");

        var rejection = ResponseShapeChecks.CheckUniqueIds(response)
            ?? ResponseSignatureChecks.Check(document, response, assertion, _scenario.IdentityProvider).Rejection;

        Assert.Equal(expected, rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_SignatureMovedFromAssertionToResponse_RejectedThoughItStillVerifies()
    {
        // The signature now sits on the Response but still references the (unchanged) Assertion: SignedXml accepts
        // it with the pinned key, so only the rule "the reference is the signature's own parent" stops it.
        var document = _scenario.SignedDocument();
        var signature = document.Assertion().Signature();
        document.Assertion().RemoveChild(signature);
        document.Response().InsertAfter(signature, document.Response().Select("saml:Issuer"));
        Assert.True(PlainSignedXmlAccepts(document, signature));

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.InvalidSignatureStructure, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ResponseWrappedWithoutEvilAssertion_RejectedAsMisplacedAssertion()
    {
        // XSW1 where the evil Response has no assertion of its own: the only assertion is inside the signature.
        var document = _scenario.SignedDocument(_scenario.Content with { SignResponse = true });
        WrapResponse(document, (signature, original) => signature.AppendChild(original));
        document.Response().RemoveChild(document.Assertion());

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.AssertionMisplaced, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData("ID")]
    [InlineData("Id")]
    [InlineData("id")]
    public async Task ValidateAsync_AnotherElementClaimsTheAssertionId_Rejected(string attributeName)
    {
        // A default resolver may pick the decoy for "#id" (lowercase variants are tried first): IDs must be unique.
        var document = _scenario.SignedDocument();
        var extensions = document.NewElement(SamlXml.ProtocolNs, "samlp:Extensions");
        var decoy = document.NewElement("urn:decoy", "x:Decoy");
        decoy.SetAttribute(attributeName, document.Assertion().GetAttribute("ID"));
        extensions.AppendChild(decoy);
        document.Response().InsertBefore(extensions, document.Response().Select("samlp:Status"));

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.DuplicateId, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ExtraCopyOfTheSignatureInExtensions_RejectedAsUnexpected()
    {
        var document = _scenario.SignedDocument();
        var extensions = document.NewElement(SamlXml.ProtocolNs, "samlp:Extensions");
        extensions.AppendChild(document.Assertion().Signature().DeepCopy());
        document.Response().InsertBefore(extensions, document.Response().Select("samlp:Status"));

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.UnexpectedSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_AssertionSignatureReplacedByTheResponseSignature_Rejected()
    {
        // Only the Response is signed, but the attacker edits the assertion and moves the Response's signature into it.
        var document = _scenario.SignedDocument(_scenario.Content with { SignResponse = true },
            new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false });
        var signature = document.Response().Signature();
        document.Response().RemoveChild(signature);
        document.Assertion().InsertAfter(signature, document.Assertion().Select("saml:Issuer"));
        document.NameId().InnerText = Evil;

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.InvalidSignatureStructure, result.Rejection?.Reason);
    }

    /// <summary>What each attack targets: XSW1–2 a Response-only signature, XSW3–8 an Assertion-only signature.</summary>
    private XmlDocument Target(string attack) => attack is "XSW1" or "XSW2"
        ? _scenario.SignedDocument(_scenario.Content with { SignResponse = true }, new SamlResponseSigner(SamlTestKeys.Idp) { SignAssertion = false })
        : _scenario.SignedDocument();

    /// <summary>The evil Response replaces the original at the root; the signed original is put back by <paramref name="place"/>.</summary>
    private static void WrapResponse(XmlDocument document, Action<XmlElement, XmlElement> place)
    {
        var original = Unsigned(document.Response().DeepCopy());
        MakeEvil(document.Assertion(), newId: false);
        document.Response().SetAttribute("ID", "_evil_response");
        place(document.Response().Signature(), original);
    }

    private static XmlElement EvilCopy(XmlElement assertion, bool newId) => MakeEvil(Unsigned(assertion.DeepCopy()), newId);

    private static XmlElement MakeEvil(XmlElement assertion, bool newId)
    {
        assertion.Select("saml:Subject/saml:NameID").InnerText = Evil;
        if (newId)
        {
            assertion.SetAttribute("ID", "_evil_assertion");
        }

        return assertion;
    }

    /// <summary>Removes the element's own signature (its direct ds:Signature child).</summary>
    private static XmlElement Unsigned(XmlElement element)
    {
        element.RemoveChild(element.Signature());
        return element;
    }

    /// <summary>The NameID a validator built on plain SignedXml would accept, or null when it rejects.</summary>
    private static string? PlainSignedXmlReads(XmlDocument document)
    {
        try
        {
            var signature = (XmlElement)document.GetElementsByTagName("Signature", SamlXml.XmlDsigNs)[0]!;
            return PlainSignedXmlAccepts(document, signature) ? document.GetElementsByTagName("NameID", SamlXml.AssertionNs)[0]!.InnerText : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static bool PlainSignedXmlAccepts(XmlDocument document, XmlElement signature)
    {
        var signedXml = new SignedXml(document);
        signedXml.LoadXml(signature);
        using var key = SamlTestKeys.Idp.GetRSAPublicKey()!;
        return signedXml.CheckSignature(key);
    }
}
