using IdentityAccess.Core.Sso.Metadata;
using IdentityAccess.Tests.Saml;

namespace IdentityAccess.Tests.Core.Sso.Metadata;

public sealed class MetadataUrlPolicyTests
{
    [Theory]
    [InlineData("https://login.microsoftonline.com/t/federationmetadata/2007-06/federationmetadata.xml", false)]
    [InlineData("  https://acme.okta.com/app/exk1/sso/saml/metadata  ", false)]
    [InlineData("http://127.0.0.1:8080/metadata.xml", true)]
    public void Check_Allowed(string url, bool allowHttp)
    {
        var (checkedUrl, error) = MetadataUrlPolicy.Check(url, allowHttp);

        Assert.Null(error);
        Assert.Equal(url.Trim(), checkedUrl!.OriginalString);
    }

    [Theory]
    [InlineData("http://idp.example.test/metadata.xml", false, "only https")]
    [InlineData("ftp://idp.example.test/metadata.xml", true, "only http and https")]
    [InlineData("file:///etc/passwd", false, "only https")]
    [InlineData("https://admin:secret@idp.example.test/metadata.xml", false, "user name or password")]
    [InlineData("idp.example.test/metadata.xml", false, "not an absolute URL")]
    [InlineData("/metadata.xml", false, "only https")]
    [InlineData("", false, "empty")]
    [InlineData(null, false, "empty")]
    public void Check_Refused(string? url, bool allowHttp, string expected)
    {
        var (checkedUrl, error) = MetadataUrlPolicy.Check(url, allowHttp);

        Assert.Null(checkedUrl);
        Assert.Contains(expected, Assert.IsType<MetadataUrlInvalid>(error).Message);
    }

    [Fact]
    public void Fingerprints_Sha256_ColonSeparatedHexAndOrderFree()
    {
        var fingerprint = CertificateFingerprints.Sha256(SamlTestKeys.Idp);

        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint);
        Assert.True(CertificateFingerprints.SameKeys([SamlTestKeys.Idp, SamlTestKeys.IdpNext], [SamlTestKeys.IdpNext, SamlTestKeys.Idp]));
        Assert.False(CertificateFingerprints.SameKeys([SamlTestKeys.Idp], [SamlTestKeys.Idp, SamlTestKeys.IdpNext]));
    }
}
