using IdentityAccess.Core.Saml;
using IdentityAccess.DemoIdp.Saml;

namespace IdentityAccess.Tests.Saml;

/// <summary>
/// Step 8 with two pinned certificates (a rollover): the first is tried on the signature whose structure step 7
/// checked, the second on a fresh load of it. Each key accepts only what it signed, and a change after signing is
/// refused whichever key is tried first.
/// </summary>
public sealed class SamlSignatureKeyOrderTests
{
    private readonly SamlScenario _scenario = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidateAsync_SignedByEitherPinnedCertificate_Accepted(bool signedByTheSecond)
    {
        PinBoth();

        var signer = new SamlResponseSigner(signedByTheSecond ? SamlTestKeys.IdpNext : SamlTestKeys.Idp);
        var result = await _scenario.ValidateAsync(signer.CreateBase64(_scenario.Content));

        Assert.True(result.Succeeded, result.Rejection?.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidateAsync_ChangedAfterSigning_RejectedWithEitherKeyTriedFirst(bool nextFirst)
    {
        PinBoth(nextFirst);
        var document = _scenario.SignedDocument();
        document.NameId().InnerText = "admin";

        var result = await _scenario.ValidateAsync(SamlScenario.Encode(document));

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    [Fact]
    public async Task ValidateAsync_SignedByAKeyNeitherCertificateHolds_Rejected()
    {
        PinBoth();

        var result = await _scenario.ValidateAsync(new SamlResponseSigner(SamlTestKeys.Attacker).CreateBase64(_scenario.Content));

        Assert.Equal(SamlFailureReason.InvalidSignature, result.Rejection?.Reason);
    }

    private void PinBoth(bool nextFirst = false) =>
        _scenario.IdentityProvider = new SamlIdpConnection(
            SamlScenario.IdpEntityId,
            _scenario.IdentityProvider.SingleSignOnUrl,
            nextFirst
                ? [SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext), SamlTestKeys.PublicOnly(SamlTestKeys.Idp)]
                : [SamlTestKeys.PublicOnly(SamlTestKeys.Idp), SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)],
            SamlAttributeProfile.Okta);
}
