using System.Net;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Auth;

namespace IdentityAccess.Tests.Web.Auth;

/// <summary>The sign-in page shows only the portal's own sentences, chosen by a code; never the text a link carries.</summary>
public sealed class SignInPageMessageTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData("<script>alert('owned')</script>")]
    [InlineData("Your account is locked. Call +1 555 0100 to restore access.")]
    [InlineData("<a href=\"https://evil.example\">Sign in here</a>")]
    [InlineData("sso-not-enabled<b>")]
    public async Task SignInPage_ArbitraryTextInError_IsNeverShown_TheGenericSentenceIs(string crafted)
    {
        var html = await portal.CreateClient().GetStringAsync("/sign-in?error=" + Uri.EscapeDataString(crafted));

        Assert.DoesNotContain(crafted, html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(crafted), html, StringComparison.Ordinal);
        Assert.DoesNotContain("555 0100", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Localizers.Portal()[SignInMessages.Generic.Key].Value), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_KnownCode_ShowsItsFixedSentence_NoCode_ShowsNone()
    {
        var known = await portal.CreateClient().GetStringAsync("/sign-in?error=" + SignInMessages.SsoNotEnabled);
        var none = await portal.CreateClient().GetStringAsync("/sign-in");

        Assert.Contains(WebUtility.HtmlEncode(Localizers.Portal()[SignInMessages.For(SignInMessages.SsoNotEnabled)!.Key].Value), known, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sign-in-error\"", none, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignInMessages.SsoUnknownDomain)]
    [InlineData(SignInMessages.SsoNotEnabled)]
    [InlineData(SignInMessages.EntraUnreachable)]
    [InlineData(SignInMessages.EntraFailed)]
    [InlineData(SignInMessages.EntraNoEmail)]
    [InlineData(SignInMessages.EntraNoAccount)]
    [InlineData(SignInMessages.SessionEnded)]
    [InlineData(SignInMessages.SignedOutEverywhere)]
    public void For_EveryCodeTheRedirectsUse_HasASentenceOfItsOwn(string code)
    {
        Assert.NotEqual(SignInMessages.Generic, SignInMessages.For(code));
        Assert.False(Localizers.Portal()[SignInMessages.For(code)!.Key].ResourceNotFound);
    }

    [Fact]
    public async Task SignInPage_PortugueseBrowser_TheSentenceInPortuguese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in?error=" + SignInMessages.SessionEnded);
        request.Headers.Add("Accept-Language", "pt-BR");

        var html = await (await portal.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("Sua sessão terminou. Entre novamente para continuar.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"pt-BR\">", html, StringComparison.Ordinal);
    }
}
