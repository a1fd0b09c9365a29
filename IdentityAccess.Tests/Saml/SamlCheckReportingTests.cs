using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// Every rejection names the check of the list that refused it, as the validator ran them: the test sign-in relies on it
/// to say which check failed and which were not run. One valid response, one thing changed per case.
/// </summary>
public sealed class SamlCheckReportingTests
{
    private readonly SamlScenario _scenario = new();

    private static readonly Dictionary<string, Func<SamlResponseContent, SamlResponseContent>> _changes = new()
    {
        ["wrong issuer"] = c => c with { Issuer = "https://evil.example.test/metadata" },
        ["status not success"] = c => c with { StatusCode = "urn:oasis:names:tc:SAML:2.0:status:Requester" },
        ["wrong destination"] = c => c with { Destination = new Uri("https://other-app.example.test/saml/acs") },
        ["other request answered"] = c => c with { InResponseTo = "_someone-elses-request" },
        ["wrong recipient"] = c => c with { Recipient = new Uri("https://other-app.example.test/saml/acs") },
        // The bearer confirmation is checked before the Conditions, so its expiry is what refuses the Response.
        ["expired"] = c => c with { IssueInstant = SamlScenario.Now.AddMinutes(-10) },
        ["wrong audience"] = c => c with { Audience = "urn:other-sp" },
        ["not yet valid"] = c => c with { IssueInstant = SamlScenario.Now.AddMinutes(10) },
    };

    [Theory]
    [InlineData("wrong issuer", SamlCheck.Issuer)]
    [InlineData("status not success", SamlCheck.Status)]
    [InlineData("wrong destination", SamlCheck.Destination)]
    [InlineData("other request answered", SamlCheck.InResponseTo)]
    [InlineData("wrong recipient", SamlCheck.SubjectConfirmation)]
    [InlineData("expired", SamlCheck.SubjectConfirmation)]
    [InlineData("wrong audience", SamlCheck.Conditions)]
    [InlineData("not yet valid", SamlCheck.Conditions)]
    public async Task ValidateAsync_OneFieldChanged_NamesTheCheckThatRefusedIt(string change, SamlCheck expected)
    {
        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(_changes[change](_scenario.Content)));

        Assert.Equal(expected, result.Rejection?.Check);
    }

    [Fact]
    public async Task ValidateAsync_NotBase64_IsTheBindingCheck()
    {
        var result = await _scenario.ValidateAsync("not base64 at all!");

        Assert.Equal((SamlFailureReason.NotBase64, SamlCheck.Binding), (result.Rejection?.Reason, result.Rejection?.Check));
    }

    [Fact]
    public async Task ValidateAsync_Doctype_IsTheSafeParseCheck()
    {
        var result = await _scenario.ValidateAsync(SamlScenario.Encode("<!DOCTYPE x []><x/>"));

        Assert.Equal((SamlFailureReason.DtdNotAllowed, SamlCheck.SafeParse), (result.Rejection?.Reason, result.Rejection?.Check));
    }

    [Fact]
    public async Task ValidateAsync_SignedByAnotherKey_IsTheSignaturesCheck()
    {
        var result = await _scenario.ValidateAsync(new SamlResponseSigner(SamlTestKeys.Attacker).CreateBase64(_scenario.Content));

        Assert.Equal((SamlFailureReason.InvalidSignature, SamlCheck.Signatures), (result.Rejection?.Reason, result.Rejection?.Check));
    }

    [Fact]
    public async Task ValidateAsync_SameAssertionTwice_SecondIsTheReplayCheck()
    {
        var response = _scenario.Signer.CreateBase64(_scenario.Content);
        Assert.True((await _scenario.ValidateAsync(response)).Succeeded);

        var second = await _scenario.ValidateAsync(response);

        Assert.Equal((SamlFailureReason.Replayed, SamlCheck.Replay), (second.Rejection?.Reason, second.Rejection?.Check));
    }

    [Fact]
    public async Task ValidateAsync_TwoAssertions_IsTheSingleAssertionCheck()
    {
        var document = _scenario.SignedDocument();
        var assertion = document.Assertion();
        assertion.ParentNode!.AppendChild(assertion.CloneNode(deep: true));

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal((SamlFailureReason.MultipleAssertions, SamlCheck.SingleAssertion), (result.Rejection?.Reason, result.Rejection?.Check));
    }
}
