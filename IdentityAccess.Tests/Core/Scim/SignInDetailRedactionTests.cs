using System.Security.Cryptography;
using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Tests.Core.Scim;

/// <summary>What a sign-in row may carry: who and why, never the Response, a signature, a token or a cookie.</summary>
public sealed class SignInDetailRedactionTests
{
    [Fact]
    public void SignInDetail_AssertionXml_Redacted()
    {
        var detail = ProvisioningLogRedaction.SignInDetail(
            "SAML response rejected (MalformedXml): near '<saml:Assertion ID=\"_1\"><saml:Subject><saml:NameID>bob</saml:NameID></saml:Subject>'");

        Assert.Equal("SAML response rejected (MalformedXml): near '[redacted]", detail);
    }

    [Fact]
    public void SignInDetail_UnclosedMarkup_RedactedToTheEnd() =>
        Assert.Equal("bad start: [redacted]", ProvisioningLogRedaction.SignInDetail("bad start: <ds:SignatureValue>abc"));

    [Fact]
    public void SignInDetail_SignatureValueOrEncodedResponse_Redacted()
    {
        var signature = Convert.ToBase64String(RandomNumberGenerator.GetBytes(256));

        var detail = ProvisioningLogRedaction.SignInDetail($"SAML response rejected (InvalidSignature): value '{signature}' does not verify");

        Assert.Equal("SAML response rejected (InvalidSignature): value '[redacted]' does not verify", detail);
    }

    [Theory]
    [InlineData("sent Bearer ia_scim_AbCdEf123", "sent Bearer [redacted]")]
    [InlineData("Cookie: ia.session=CfDJ8abc; path=/", "Cookie [redacted]; path=/")]
    [InlineData("set-cookie=ia.saml=xyz", "set-cookie [redacted]")]
    public void SignInDetail_CredentialAfterItsKeyword_Redacted(string text, string expected) =>
        Assert.Equal(expected, ProvisioningLogRedaction.SignInDetail(text));

    [Theory]
    [InlineData("no account for subject 'okta-frank' ('frank@acme.test')")]
    [InlineData("subject 'k8cQ3mV0yT_aZ1pL7wN2sR4uX6bD9eF0gH5jK3lM2nP' ('eve@acme.test')")] // Entra's pairwise NameID: 43 characters
    [InlineData("frank@acme.test: in no group mapped to a role (Acme)")]
    public void SignInDetail_WhoAndWhy_Kept(string text) => Assert.Equal(text, ProvisioningLogRedaction.SignInDetail(text));

    [Fact]
    public void Detail_ThenSignInDetail_PasswordMentioned_Withheld() =>
        Assert.Equal(ProvisioningLogRedaction.WithheldDetail, ProvisioningLogRedaction.Detail(ProvisioningLogRedaction.SignInDetail("password=hunter2")));
}
