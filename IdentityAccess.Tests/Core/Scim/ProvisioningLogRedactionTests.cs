using IdentityAccess.Core.Scim.Log;

namespace IdentityAccess.Tests.Core.Scim;

public sealed class ProvisioningLogRedactionTests
{
    [Theory]
    [InlineData("/scim/v2/Users", "?filter=userName+eq+%22alice%40acme.test%22&startIndex=1", "/scim/v2/Users?filter=userName eq \"alice@acme.test\"&startIndex=1")]
    [InlineData("/scim/v2/Users", "?filter=password%20eq%20%22hunter2%22", "/scim/v2/Users?filter=[redacted]")]
    [InlineData("/scim/v2/Users", "?Password=hunter2", "/scim/v2/Users?[redacted]=[redacted]")]
    [InlineData("/scim/v2/Users", "?access_token=abc", "/scim/v2/Users?access_token=[redacted]")]
    [InlineData("/scim/v2/Users/ia_scim_abcdef", "", "/scim/v2/Users/[redacted]")]
    [InlineData("/scim/v2/Users/42", "?aadOptscim062020", "/scim/v2/Users/42?aadOptscim062020")]
    public void RequestLine_KeepsWhatIsReadable_RedactsSecrets(string path, string query, string expected) =>
        Assert.Equal(expected, ProvisioningLogRedaction.RequestLine(path, query));

    [Fact]
    public void RequestLine_VeryLong_TruncatedToTheColumn()
    {
        var line = ProvisioningLogRedaction.RequestLine("/scim/v2/Users", "?filter=" + new string('x', 5000));

        Assert.Equal(ProvisioningLogEntry.MaxPathLength, line.Length);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Unsupported filter 'password eq \"hunter2\"'.")]
    [InlineData("Unknown op on 'PASSWORD'.")]
    [InlineData("Bad token ia_scim_abc")]
    public void Detail_MentioningASecret_IsWithheld(string detail)
    {
        var kept = ProvisioningLogRedaction.Detail(detail);

        Assert.Equal(ProvisioningLogRedaction.WithheldDetail, kept);
        Assert.DoesNotContain("hunter2", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_Ordinary_KeptAsSent() =>
        Assert.Equal("A user with userName 'zed@acme.test' already exists.", ProvisioningLogRedaction.Detail("A user with userName 'zed@acme.test' already exists."));
}
