using IdentityAccess.Web.Auth;

namespace IdentityAccess.Tests.Web.Auth;

public sealed class LocalRedirectTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/orgs/123/members")]
    [InlineData("/orgs/123/members?search=a%2Fb")]
    public void IsLocal_SitePaths_True(string url) => Assert.True(LocalRedirect.IsLocal(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("evil.example")]
    [InlineData("/redirect?to=https://evil.example")]
    [InlineData("/line\r\nSet-Cookie: x")]
    [InlineData("/caf\u00e9")] // not ASCII: Kestrel would refuse it in a Location header
    public void IsLocal_AnythingElse_False(string? url) => Assert.False(LocalRedirect.IsLocal(url));

    [Fact]
    public void Sanitize_External_ReturnsHome() => Assert.Equal("/", LocalRedirect.Sanitize("//evil.example"));
}
