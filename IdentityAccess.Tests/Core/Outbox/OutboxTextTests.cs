using IdentityAccess.Core.Common;
using IdentityAccess.Core.Outbox;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Tests.Core.Outbox;

public sealed class OutboxTextTests
{
    private static readonly string _secret = LinkSecret.New();

    [Fact]
    public void RedactSecrets_InvitationAndSignInLinks_SecretGoneRestKept()
    {
        var body = $"Accept:\nhttp://portal.test/invitations/{_secret}\nor https://x.test/sign-in/link/{_secret}\nThanks, Alice.";

        var redacted = OutboxText.RedactSecrets(body);

        Assert.Equal("Accept:\nhttp://portal.test/invitations/[removed once sent]\nor https://x.test/sign-in/link/[removed once sent]\nThanks, Alice.", redacted);
    }

    [Fact]
    public void Links_FindsEachAbsoluteLinkInOrder()
    {
        Assert.Equal([$"http://portal.test/invitations/{_secret}", "https://x.test/a"],
            OutboxText.Links($"Open http://portal.test/invitations/{_secret}\nthen https://x.test/a."[..^1]));
    }

    [Fact]
    public void LinkSecret_ThirtyTwoRandomBytesInBase64Url_StoredAsSha256Hex()
    {
        var other = LinkSecret.New();

        Assert.Equal(LinkSecret.Length, _secret.Length);
        Assert.True(LinkSecret.IsWellFormed(_secret));
        Assert.NotEqual(_secret, other);
        Assert.Matches("^[0-9a-f]{64}$", LinkSecret.Hash(_secret));
        Assert.False(LinkSecret.IsWellFormed(_secret[..^1] + "/"));
        Assert.False(LinkSecret.IsWellFormed(null));
    }

    [Theory]
    [InlineData("https://portal.example.com", "http://evil.test/", "https://portal.example.com/invitations/x")]
    [InlineData("https://portal.example.com/", null, "https://portal.example.com/invitations/x")]
    [InlineData("", "http://127.0.0.1:5080/", "http://127.0.0.1:5080/invitations/x")]
    [InlineData("not a url", "http://127.0.0.1:5080/", "http://127.0.0.1:5080/invitations/x")]
    public void PortalLinks_ConfiguredBaseUrlWinsOverTheCallers(string? configured, string? caller, string expected)
    {
        var links = new PortalLinks(Options.Create(new PortalOptions { PublicBaseUrl = configured }));

        Assert.Equal(expected, links.Absolute(caller, "/invitations/x"));
    }

    [Fact]
    public void PortalLinks_NeitherConfiguredNorCaller_Throws()
    {
        var links = new PortalLinks(Options.Create(new PortalOptions()));

        Assert.Throws<InvalidOperationException>(() => links.Absolute(null, "/x"));
    }

    [Fact]
    public void Backoff_DoublesFromThirtySecondsToAtMostAnHour()
    {
        Assert.Equal([30, 60, 120, 240, 3600, 3600], new[] { 1, 2, 3, 4, 8, 50 }.Select(attempts => (int)OutboxDispatcher.Backoff(attempts).TotalSeconds));
    }
}
