using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>Step 13b: an unsolicited Response the connection allows must be fresh, and its replay entry outlives its freshness.</summary>
public sealed class IdpInitiatedValidatorTests
{
    private readonly SamlScenario _scenario = new();

    public IdpInitiatedValidatorTests() =>
        _scenario.IdentityProvider = _scenario.IdentityProvider with { AllowIdpInitiated = true };

    private SamlResponseContent Unsolicited => _scenario.Content with { InResponseTo = null, Lifetime = TimeSpan.FromHours(1) };

    private Task<SamlValidationResult> ValidateUnsolicitedAsync(SamlResponseContent content) =>
        _scenario.ValidateAsync(_scenario.Signer.CreateBase64(content), _scenario.Context(expectedRequestId: null));

    [Fact]
    public async Task Fresh_Accepted()
    {
        var result = await ValidateUnsolicitedAsync(Unsolicited);

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task OlderThanMaxAgePlusSkew_RejectedThoughItsConditionsStillHold()
    {
        _scenario.Time.Advance(SamlValidationContext.DefaultUnsolicitedMaxAge + SamlValidationContext.DefaultClockSkew + TimeSpan.FromSeconds(1));

        var result = await ValidateUnsolicitedAsync(Unsolicited);

        Assert.Equal(SamlFailureReason.UnsolicitedTooOld, result.Rejection?.Reason);
    }

    [Fact]
    public async Task JustWithinMaxAgePlusSkew_Accepted()
    {
        _scenario.Time.Advance(SamlValidationContext.DefaultUnsolicitedMaxAge + SamlValidationContext.DefaultClockSkew);

        var result = await ValidateUnsolicitedAsync(Unsolicited);

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ShorterConfiguredMaxAge_Applies()
    {
        _scenario.Time.Advance(TimeSpan.FromMinutes(3));
        var context = _scenario.Context(expectedRequestId: null) with { UnsolicitedMaxAge = TimeSpan.FromSeconds(30) };

        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(Unsolicited), context);

        Assert.Equal(SamlFailureReason.UnsolicitedTooOld, result.Rejection?.Reason);
    }

    [Fact]
    public async Task IssuedInTheFutureBeyondSkew_Rejected()
    {
        var result = await ValidateUnsolicitedAsync(Unsolicited with { IssueInstant = SamlScenario.Now + TimeSpan.FromMinutes(10) });

        Assert.Equal(SamlFailureReason.NotYetValid, result.Rejection?.Reason);
    }

    [Fact]
    public async Task SolicitedResponse_NotSubjectToTheMaxAge()
    {
        _scenario.Time.Advance(TimeSpan.FromMinutes(20));

        var result = await _scenario.ValidateAsync(_scenario.Signer.CreateBase64(_scenario.Content with { Lifetime = TimeSpan.FromHours(1) }));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Fact]
    public async Task ShortLivedAssertion_ReplayEntryStillLivesUntilTheMaxAgeHasPassed()
    {
        var response = _scenario.Signer.CreateBase64(Unsolicited with { Lifetime = TimeSpan.FromSeconds(30) });
        Assert.True((await _scenario.ValidateAsync(response, _scenario.Context(expectedRequestId: null))).Succeeded);
        var assertionId = SamlScenario.Load(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(response)))
            .GetElementsByTagName("Assertion", SamlNames.Assertion)[0]!.Attributes!["ID"]!.Value;

        // Past the assertion's own NotOnOrAfter plus skew, but not past the maximum age plus skew: still remembered.
        _scenario.Time.Advance(SamlValidationContext.DefaultUnsolicitedMaxAge + SamlValidationContext.DefaultClockSkew - TimeSpan.FromSeconds(1));

        Assert.False(await _scenario.ReplayCache.TryRememberAsync(assertionId, _scenario.Time.GetUtcNow().AddHours(1)));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/orgs/1/members?search=a%2Fb", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/%2F%2Fevil.example", false)]
    [InlineData("/%252F%252Fevil.example", false)]
    [InlineData("/%5Cevil.example", false)]
    [InlineData("/%0d%0aSet-Cookie:x", false)]
    [InlineData("/%zz", true)] // not an escape: stays as it is, a local path
    [InlineData(null, false)]
    [InlineData("", false)]
    public void RelayState_OnlyLocalPaths(string? relayState, bool local) =>
        Assert.Equal(local, IdpInitiatedRelayState.IsLocalPath(relayState));
}
