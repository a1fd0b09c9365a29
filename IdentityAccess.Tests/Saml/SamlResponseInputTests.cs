using System.Text;
using System.Xml;
using IdentityAccess.Core.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>Checklist steps 1–6: what is refused before any signature is looked at.</summary>
public sealed class SamlResponseInputTests
{
    private readonly SamlScenario _scenario = new();

    [Theory]
    [InlineData(null, SamlFailureReason.MissingResponse)]
    [InlineData("", SamlFailureReason.MissingResponse)]
    [InlineData("  ", SamlFailureReason.MissingResponse)]
    [InlineData("not base64!", SamlFailureReason.NotBase64)]
    [InlineData("PHNhbWxwOlJlc3BvbnNl", SamlFailureReason.MalformedXml)] // "<samlp:Response", cut off
    [InlineData("aGVsbG8=", SamlFailureReason.MalformedXml)] // "hello"
    public async Task ValidateAsync_NotAResponseAtAll_Rejected(string? samlResponse, SamlFailureReason expected)
    {
        var result = await SamlResponseValidator.ValidateAsync(samlResponse, _scenario.Context());

        Assert.Equal(expected, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_Base64WithLineBreaks_Accepted()
    {
        // Some IdPs wrap the base64 at 76 characters.
        var wrapped = Convert.ToBase64String(Encoding.UTF8.GetBytes(_scenario.Signer.CreateXml(_scenario.Content)), Base64FormattingOptions.InsertLineBreaks);

        var result = await _scenario.ValidateAsync(wrapped);

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_OverTheSizeLimit_RejectedUnread()
    {
        var result = await _scenario.ValidateAsync(new string('A', SamlResponseValidator.MaxResponseLength + 4));

        Assert.Equal(SamlFailureReason.ResponseTooLarge, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData("<!DOCTYPE samlp:Response>")]
    [InlineData("<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")] // entity expansion
    [InlineData("<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\">")] // external fetch
    public async Task ValidateAsync_DoctypeBeforeAValidResponse_Rejected(string doctype)
    {
        var xml = doctype + _scenario.Signer.CreateXml(_scenario.Content);

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(xml));

        Assert.Equal(SamlFailureReason.DtdNotAllowed, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_XmlDeclarationBeforeAValidResponse_Accepted()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + _scenario.Signer.CreateXml(_scenario.Content);

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(xml));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(27_000)] // about as deep as fits in the size limit
    public async Task ValidateAsync_DeeplyNestedContent_RejectedBeforeCanonicalization(int depth)
    {
        var nested = string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));
        var xml = _scenario.Signer.CreateXml(_scenario.Content)
            .Replace("alice@example.test</saml:AttributeValue>", "alice@example.test" + nested + "</saml:AttributeValue>", StringComparison.Ordinal);

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(xml));

        Assert.NotNull(result.Rejection);
        Assert.Equal(SamlFailureReason.MalformedXml, result.Rejection.Reason);
        Assert.Contains("deeper than", result.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_CommentInsideNameId_RejectedRatherThanReadTruncated()
    {
        // The attacker owns alice@example.test.evil.test at the IdP and cuts it after "alice@example.test" with a
        // comment: exc-c14n ignores comments, so the signature still holds; a first-text-node reader sees alice.
        var document = _scenario.SignedDocument(_scenario.Content with { NameId = "alice@example.test.evil.test" });
        var nameId = document.NameId();
        nameId.InnerText = "alice@example.test";
        nameId.AppendChild(document.CreateComment(""));
        nameId.AppendChild(document.CreateTextNode(".evil.test"));

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.CommentsNotAllowed, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_NameIdSplitByAnEmptyCdata_ReadsTheWholeSignedValue()
    {
        // Same split without a comment (CDATA is plain text to exc-c14n, so the signature holds and the response is
        // valid): the NameID must read as the whole signed value, never as its first text node.
        var document = _scenario.SignedDocument(_scenario.Content with { NameId = "alice@example.test.evil.test" });
        var nameId = document.NameId();
        nameId.InnerText = "alice@example.test";
        nameId.AppendChild(document.CreateCDataSection(""));
        nameId.AppendChild(document.CreateTextNode(".evil.test"));
        Assert.Equal(3, nameId.ChildNodes.Count);

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.True(result.Succeeded, result.Rejection?.Message);
        Assert.Equal("alice@example.test.evil.test", result.Assertion.NameId);
    }

    [Fact]
    public async Task ValidateAsync_ProcessingInstruction_Rejected()
    {
        var document = _scenario.SignedDocument();
        document.Assertion().AppendChild(document.CreateProcessingInstruction("evil", "x"));

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.CommentsNotAllowed, result.Rejection?.Reason);
    }

    private static readonly Dictionary<string, Action<XmlDocument>> _shapeEdits = new()
    {
        ["root is an AuthnRequest"] = d =>
        {
            var request = d.NewElement(SamlXml.ProtocolNs, "samlp:AuthnRequest");
            request.SetAttribute("ID", "_x");
            request.SetAttribute("Version", "2.0");
            request.AppendChild(d.Assertion());
            d.ReplaceChild(request, d.Response());
        },
        ["SAML 1.1 version"] = d => d.Response().SetAttribute("Version", "1.1"),
        ["two signed assertions"] = d => d.Response().AppendChild(d.Assertion().DeepCopy()),
        ["assertion replaced by an EncryptedAssertion"] = d =>
            d.Response().ReplaceChild(d.NewElement(SamlXml.AssertionNs, "saml:EncryptedAssertion"), d.Assertion()),
        ["assertion removed"] = d => d.Response().RemoveChild(d.Assertion()),
        ["Response ID reused on an element"] = d =>
            d.Select("//saml:AuthnContext").SetAttribute("ID", d.Response().GetAttribute("ID")),
    };

    [Theory]
    [InlineData("root is an AuthnRequest", SamlFailureReason.NotASamlResponse)]
    [InlineData("SAML 1.1 version", SamlFailureReason.NotASamlResponse)]
    [InlineData("two signed assertions", SamlFailureReason.MultipleAssertions)]
    [InlineData("assertion replaced by an EncryptedAssertion", SamlFailureReason.EncryptedAssertionNotSupported)]
    [InlineData("assertion removed", SamlFailureReason.MissingAssertion)]
    [InlineData("Response ID reused on an element", SamlFailureReason.DuplicateId)]
    public async Task ValidateAsync_ShapeChanged_Rejected(string edit, SamlFailureReason expected)
    {
        var document = _scenario.SignedDocument();
        _shapeEdits[edit](document);

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(expected, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ErrorResponseWithoutAssertion_ReportsTheIdpStatus()
    {
        var document = _scenario.SignedDocument(_scenario.Content with { StatusCode = "urn:oasis:names:tc:SAML:2.0:status:Responder" });
        document.Response().RemoveChild(document.Assertion());

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.NotNull(result.Rejection);
        Assert.Equal(SamlFailureReason.StatusNotSuccess, result.Rejection.Reason);
        Assert.Contains("status:Responder", result.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_HostileControlCharactersInIssuer_AreNotCopiedIntoTheMessage()
    {
        var content = _scenario.Content with { Issuer = "evil\r\n2026-11-23 INFO login ok for admin" };

        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(content));

        Assert.NotNull(result.Rejection);
        Assert.Equal(SamlFailureReason.IssuerMismatch, result.Rejection.Reason);
        Assert.DoesNotContain('\n', result.Rejection.Message);
        Assert.DoesNotContain('\r', result.Rejection.Message);
    }

    [Fact]
    public async Task ValidateAsync_RandomlyCorruptedResponses_NeverThrowNorAcceptOtherContent()
    {
        var xml = _scenario.Signer.CreateXml(_scenario.Content with { SignResponse = true });
        var genuine = await ValidateWithFreshCacheAsync(Encoding.UTF8.GetBytes(xml));
        Assert.True(genuine.Succeeded, genuine.Rejection?.Message);
        var random = new Random(20261123);
        for (var i = 0; i < 2000; i++)
        {
            var corrupted = Encoding.UTF8.GetBytes(xml);
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                corrupted[random.Next(corrupted.Length)] = (byte)random.Next(32, 127);
            }

            var result = await ValidateWithFreshCacheAsync(corrupted);

            // Some bytes are not signed and may change (KeyInfo; an xmlns that exc-c14n leaves out; the Response
            // signature, which may be dropped while the assertion is signed). Whatever is accepted must still be
            // exactly what the IdP signed.
            if (result.Succeeded)
            {
                Assert.True(SameContent(genuine.Assertion, result.Assertion), $"iteration {i} accepted other content: {Encoding.UTF8.GetString(corrupted)}");
            }
            else
            {
                // The catch-all is a safety net; every corruption here should be anticipated by a specific check.
                Assert.False(result.Rejection.Message.Contains("could not be processed", StringComparison.Ordinal), $"iteration {i}: {result.Rejection.Message}");
            }
        }
    }

    /// <summary>A fresh replay cache each time, so a wrongly accepted response cannot hide behind "Replayed".</summary>
    private Task<SamlValidationResult> ValidateWithFreshCacheAsync(byte[] xml) =>
        SamlResponseValidator.ValidateAsync(
            Convert.ToBase64String(xml),
            _scenario.Context() with { ReplayCache = new InMemorySamlReplayCache(_scenario.Time) });

    private static bool SameContent(SamlAssertion expected, SamlAssertion actual) =>
        expected with { Attributes = actual.Attributes } == actual
        && expected.Attributes.Count == actual.Attributes.Count
        && expected.Attributes.All(a => actual.Attributes.TryGetValue(a.Key, out var values) && a.Value.SequenceEqual(values));
}
