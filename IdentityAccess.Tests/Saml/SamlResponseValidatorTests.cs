using System.Xml;
using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>The valid response, then one protocol field changed per case (the response stays validly signed).</summary>
public sealed class SamlResponseValidatorTests
{
    private readonly SamlScenario _scenario = new();

    [Fact]
    public async Task ValidateAsync_ValidSignedResponse_ReturnsTheAssertionContent()
    {
        var document = _scenario.SignedDocument();

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.True(result.Succeeded, result.Rejection?.Message);
        var assertion = result.Assertion;
        Assert.Equal(document.Assertion().GetAttribute("ID"), assertion.AssertionId);
        Assert.Equal(SamlScenario.IdpEntityId, assertion.Issuer);
        Assert.Equal(SamlScenario.NameId, assertion.NameId);
        Assert.Equal(SamlNameIdFormats.Persistent, assertion.NameIdFormat);
        Assert.Equal(document.Select("//saml:AuthnStatement").GetAttribute("SessionIndex"), assertion.SessionIndex);
        Assert.Equal(SamlScenario.Now.AddMinutes(5), assertion.NotOnOrAfter);
        Assert.Equal(["alice@example.test"], assertion.Attributes["email"]);
        Assert.Equal(["engineering", "it-admins"], assertion.Attributes["groups"]);
    }

    private static readonly Dictionary<string, Func<SamlResponseContent, SamlResponseContent>> _contentChanges = new()
    {
        ["wrong issuer"] = c => c with { Issuer = "https://evil.example.test/metadata" },
        ["status not success"] = c => c with { StatusCode = "urn:oasis:names:tc:SAML:2.0:status:Requester" },
        ["wrong destination"] = c => c with { Destination = new Uri("https://other-app.example.test/saml/acs") },
        ["wrong recipient"] = c => c with { Recipient = new Uri("https://other-app.example.test/saml/acs") },
        ["wrong audience"] = c => c with { Audience = "urn:other-sp" },
        ["other request answered"] = c => c with { InResponseTo = "_someone-elses-request" },
        ["unsolicited while a request is outstanding"] = c => c with { InResponseTo = null },
        ["expired"] = c => c with { IssueInstant = SamlScenario.Now.AddMinutes(-10) },
        ["expired exactly at the skew"] = c => c with { IssueInstant = SamlScenario.Now.AddMinutes(-7) },
        ["not yet valid"] = c => c with { IssueInstant = SamlScenario.Now.AddMinutes(10) },
        ["not yet valid by a second more than the skew"] = c => c with { IssueInstant = SamlScenario.Now.AddMinutes(2).AddSeconds(1) },
    };

    [Theory]
    [InlineData("wrong issuer", SamlFailureReason.IssuerMismatch)]
    [InlineData("status not success", SamlFailureReason.StatusNotSuccess)]
    [InlineData("wrong destination", SamlFailureReason.DestinationMismatch)]
    [InlineData("wrong recipient", SamlFailureReason.SubjectConfirmationInvalid)]
    [InlineData("wrong audience", SamlFailureReason.AudienceMismatch)]
    [InlineData("other request answered", SamlFailureReason.InResponseToMismatch)]
    [InlineData("unsolicited while a request is outstanding", SamlFailureReason.InResponseToMismatch)]
    [InlineData("expired", SamlFailureReason.Expired)]
    [InlineData("expired exactly at the skew", SamlFailureReason.Expired)]
    [InlineData("not yet valid", SamlFailureReason.NotYetValid)]
    [InlineData("not yet valid by a second more than the skew", SamlFailureReason.NotYetValid)]
    public async Task ValidateAsync_OneFieldChanged_Rejected(string change, SamlFailureReason expected)
    {
        var response = _scenario.Signer.CreateBase64(_contentChanges[change](_scenario.Content));

        var result = await _scenario.ValidateAsync(response);

        Assert.Equal(expected, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData((-7 * 60) + 1)] // NotOnOrAfter 1 min 59 s ago: within the 2-minute skew
    [InlineData(2 * 60)] // NotBefore exactly 2 minutes ahead
    public async Task ValidateAsync_ClockDifferenceWithinSkew_Accepted(int issuedSecondsFromNow)
    {
        var content = _scenario.Content with { IssueInstant = SamlScenario.Now.AddSeconds(issuedSecondsFromNow) };

        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(content));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_SameAssertionTwice_SecondIsReplay()
    {
        var response = _scenario.Signer.CreateBase64(_scenario.Content);

        var first = await _scenario.ValidateAsync(response);
        var second = await _scenario.ValidateAsync(response);

        Assert.True(first.Succeeded, first.Rejection?.Message);
        Assert.Equal(SamlFailureReason.Replayed, second.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ReplayedWhileOnlyTheSkewStillAcceptsIt_StillCaught()
    {
        var response = _scenario.Signer.CreateBase64(_scenario.Content);
        await _scenario.ValidateAsync(response);

        // NotOnOrAfter (+5 min) has passed, but the 2-minute skew still lets the assertion through steps 14–15.
        _scenario.Time.Advance(TimeSpan.FromMinutes(6) + TimeSpan.FromSeconds(59));
        var replay = await _scenario.ValidateAsync(response);

        Assert.Equal(SamlFailureReason.Replayed, replay.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_BearerOutlivesConditions_ReportsConditionsExpiryAndRemembersTheLaterOne()
    {
        var later = SamlScenario.Now.AddMinutes(10);
        var signer = new SamlResponseSigner(SamlTestKeys.Idp)
        {
            EditBeforeSigning = d => d.Select("//saml:SubjectConfirmationData").SetAttribute("NotOnOrAfter", "2026-11-23T10:10:00Z"),
        };
        var response = signer.CreateBase64(_scenario.Content);

        var result = await _scenario.ValidateAsync(response);

        Assert.Equal(SamlScenario.Now.AddMinutes(5), result.Assertion?.NotOnOrAfter);
        var id = result.Assertion!.AssertionId;
        _scenario.Time.Advance(TimeSpan.FromMinutes(11)); // past Conditions + skew (10:07), before bearer + skew (10:12)
        Assert.False(await _scenario.ReplayCache.TryRememberAsync(id, later.AddHours(1)));
        _scenario.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await _scenario.ReplayCache.TryRememberAsync(id, later.AddHours(1)));
    }

    [Fact]
    public async Task ValidateAsync_RejectedResponse_DoesNotBurnTheAssertionId()
    {
        var response = _scenario.Signer.CreateBase64(_scenario.Content);

        var wrongRequest = await _scenario.ValidateAsync(response, _scenario.Context("_another-request"));
        var rightRequest = await _scenario.ValidateAsync(response);

        Assert.Equal(SamlFailureReason.InResponseToMismatch, wrongRequest.Rejection?.Reason);
        Assert.True(rightRequest.Succeeded, rightRequest.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_UnsolicitedWhileIdpInitiatedDisabled_Rejected()
    {
        var response = _scenario.Signer.CreateBase64(_scenario.Content with { InResponseTo = null });

        var result = await _scenario.ValidateAsync(response, _scenario.Context(expectedRequestId: null));

        Assert.Equal(SamlFailureReason.UnsolicitedResponse, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_UnsolicitedWhileIdpInitiatedAllowed_Accepted()
    {
        _scenario.IdentityProvider = _scenario.IdentityProvider with { AllowIdpInitiated = true };
        var response = _scenario.Signer.CreateBase64(_scenario.Content with { InResponseTo = null });

        var result = await _scenario.ValidateAsync(response, _scenario.Context(expectedRequestId: null));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ValidateAsync_IdpInitiatedAllowedButResponseAnswersAnotherBrowsersRequest_Rejected()
    {
        _scenario.IdentityProvider = _scenario.IdentityProvider with { AllowIdpInitiated = true };

        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(_scenario.Content), _scenario.Context(expectedRequestId: null));

        Assert.Equal(SamlFailureReason.InResponseToMismatch, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_UnsignedResponseIssuerChangedWhileAssertionIssuerIsRight_Rejected()
    {
        // Only the assertion is signed, so the Response's Issuer can be edited without breaking a signature.
        var document = _scenario.SignedDocument();
        document.Response().Select("saml:Issuer").InnerText = "https://evil.example.test/metadata";

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.IssuerMismatch, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_AcsUrlDiffersOnlyInHostCase_Accepted()
    {
        var content = _scenario.Content with { Destination = new Uri("https://PORTAL.example.test:443/saml/acs") };

        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(content));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    private static readonly Dictionary<string, Action<XmlDocument>> _assertionEdits = new()
    {
        ["holder-of-key instead of bearer"] = d => d.Select("//saml:SubjectConfirmation")
            .SetAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"),
        ["bearer data with NotBefore"] = d => d.Select("//saml:SubjectConfirmationData")
            .SetAttribute("NotBefore", "2026-11-23T09:59:00Z"),
        ["bearer data for another request"] = d => d.Select("//saml:SubjectConfirmationData")
            .SetAttribute("InResponseTo", "_another-request"),
        ["bearer data without NotOnOrAfter"] = d => d.Select("//saml:SubjectConfirmationData").RemoveAttribute("NotOnOrAfter"),
        ["no AudienceRestriction"] = d => d.Select("//saml:Conditions").RemoveChild(d.Select("//saml:AudienceRestriction")),
        ["second AudienceRestriction for another SP"] = d =>
        {
            var other = d.Select("//saml:AudienceRestriction").DeepCopy();
            other.Select("saml:Audience").InnerText = "urn:other-sp";
            d.Select("//saml:Conditions").AppendChild(other);
        },
        ["Conditions without NotOnOrAfter"] = d => d.Select("//saml:Conditions").RemoveAttribute("NotOnOrAfter"),
        ["no AuthnStatement"] = d => d.Assertion().RemoveChild(d.Select("//saml:AuthnStatement")),
        ["no NameID"] = d => d.Select("//saml:Subject").RemoveChild(d.NameId()),
        ["empty NameID"] = d => d.NameId().InnerText = "",
        ["Issuer with a non-entity Format"] = d => d.Assertion().Select("saml:Issuer")
            .SetAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
        ["signed Response without Destination"] = d => d.Response().RemoveAttribute("Destination"),
    };

    [Theory]
    [InlineData("holder-of-key instead of bearer", SamlFailureReason.SubjectConfirmationInvalid)]
    [InlineData("bearer data with NotBefore", SamlFailureReason.SubjectConfirmationInvalid)]
    [InlineData("bearer data for another request", SamlFailureReason.InResponseToMismatch)]
    [InlineData("bearer data without NotOnOrAfter", SamlFailureReason.MalformedAssertion)]
    [InlineData("no AudienceRestriction", SamlFailureReason.AudienceMismatch)]
    [InlineData("second AudienceRestriction for another SP", SamlFailureReason.AudienceMismatch)]
    [InlineData("Conditions without NotOnOrAfter", SamlFailureReason.MalformedAssertion)]
    [InlineData("no AuthnStatement", SamlFailureReason.MalformedAssertion)]
    [InlineData("no NameID", SamlFailureReason.MissingNameId)]
    [InlineData("empty NameID", SamlFailureReason.MissingNameId)]
    [InlineData("Issuer with a non-entity Format", SamlFailureReason.IssuerMismatch)]
    [InlineData("signed Response without Destination", SamlFailureReason.DestinationMismatch)]
    public async Task ValidateAsync_SignedAssertionWithOneOddity_Rejected(string edit, SamlFailureReason expected)
    {
        var signer = new SamlResponseSigner(SamlTestKeys.Idp) { EditBeforeSigning = _assertionEdits[edit] };
        var response = signer.CreateBase64(_scenario.Content with { SignResponse = true });

        var result = await _scenario.ValidateAsync(response);

        Assert.Equal(expected, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_SignedByEditingSignerWithoutEdits_Accepted()
    {
        // The control for the cases above: the editing signer and a signed Response are accepted as such.
        var signer = new SamlResponseSigner(SamlTestKeys.Idp) { EditBeforeSigning = _ => { } };

        var result = await _scenario.ValidateAsync(signer.CreateBase64(_scenario.Content with { SignResponse = true }));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }
}
