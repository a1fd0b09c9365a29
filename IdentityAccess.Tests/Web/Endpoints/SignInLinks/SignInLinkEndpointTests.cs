using System.Net;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Web.Endpoints.SignInLinks;

/// <summary>
/// Email sign-in links through the real pipeline and the real cookie session (no test sign-in): the sign-in page's email
/// step, the page the link opens, and its POST. initech.test uses no SSO.
/// </summary>
public abstract class SignInLinkEndpointTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private IdentityAccessWebFactory Factory => portal.Factory;

    public Task InitializeAsync()
    {
        portal.Time = _time;
        portal.UseTestAuth = false; // the link's own sign-in, as a browser goes through it
        return portal.InitializeAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task EmailStep_DomainWithoutSso_SendsALinkAndSaysSo()
    {
        var browser = Browser();

        var response = await AskForLinkAsync(browser, "nina@initech.test", "/invitations/xyz");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in/link-sent?email=nina%40initech.test", response.Headers.Location!.OriginalString);
        Assert.Contains("We sent a sign-in link to <b>nina@initech.test</b>", await browser.GetStringAsync(response.Headers.Location.OriginalString), StringComparison.Ordinal);
        var message = await Mailbox.LatestAsync(Factory, "nina@initech.test", OutboxMessageKind.SignInLink);
        Assert.StartsWith("http://localhost/sign-in/link/", OutboxText.Links(message.TextBody).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailStep_KnownUnknownOrPastTheLimit_TheSameAnswer()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            db.People.Add(Person.Create("pat@initech.test", "Pat", _time.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var answers = new List<string>();
        foreach (var email in new[] { "pat@initech.test", "nobody@initech.test" }.Concat(Enumerable.Repeat("nina@initech.test", EmailSignInService.MaxLinksPerWindow + 1)))
        {
            var response = await AskForLinkAsync(Browser(), email, "/");
            answers.Add($"{(int)response.StatusCode} {response.Headers.Location!.OriginalString.Replace(Uri.EscapeDataString(email), "…", StringComparison.Ordinal)}");
        }

        Assert.Single(answers.Distinct());
        await using var check = await Factory.CreateDbContextAsync();
        Assert.Equal(EmailSignInService.MaxLinksPerWindow, await check.EmailSignInLinks.CountAsync(l => l.NormalizedEmail == "NINA@INITECH.TEST"));
    }

    [Fact]
    public async Task LinkPage_Opened_AsksBeforeSigningInAndUsesNothing()
    {
        var secret = await LinkForAsync("nina@initech.test", "/");

        var first = await Browser().GetStringAsync($"/sign-in/link/{secret}");
        var second = await Browser().GetStringAsync($"/sign-in/link/{secret}");

        Assert.All(new[] { first, second }, html => Assert.Contains("Sign in as nina@initech.test", html, StringComparison.Ordinal));
        await AssertUnusedAsync();
    }

    [Fact]
    public async Task Redeem_WithTheToken_SignsInWithACookieAndGoesToTheReturnUrl_Once()
    {
        var secret = await LinkForAsync("nina@initech.test", "/invitations/xyz");
        var browser = Browser();
        var token = FormPost.TokenIn(await browser.GetStringAsync($"/sign-in/link/{secret}"), "sign-in-link-form");

        var redeemed = await browser.PostAsync("/sign-in/link", FormPost.Fields(("__RequestVerificationToken", token), ("secret", secret)));
        var me = await browser.GetAsync("/api/me");
        var again = await Browser().PostAsync("/sign-in/link", FormPost.Fields(("__RequestVerificationToken", token), ("secret", secret)));

        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        Assert.Equal("/invitations/xyz", redeemed.Headers.Location!.OriginalString);
        Assert.Contains(redeemed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ia.session=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"email\":\"nina@initech.test\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(again.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"got {again.StatusCode}");
        Assert.False(again.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ia.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Redeem_SecondUseInTheSameBrowser_NotFoundAndNoNewSession()
    {
        var secret = await LinkForAsync("nina@initech.test", "/");
        var browser = Browser();
        var token = FormPost.TokenIn(await browser.GetStringAsync($"/sign-in/link/{secret}"), "sign-in-link-form");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/sign-in/link", FormPost.Fields(("__RequestVerificationToken", token), ("secret", secret)))).StatusCode);
        var signedInToken = FormPost.TokenIn(await browser.GetStringAsync("/sign-in"), "sso-email-step");

        var again = await browser.PostAsync("/sign-in/link", FormPost.Fields(("__RequestVerificationToken", signedInToken), ("secret", secret)));

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This sign-in link does not work any more", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_WithoutTheAntiforgeryToken_RefusedAndTheLinkStillUnused()
    {
        var secret = await LinkForAsync("nina@initech.test", "/");

        var response = await Browser().PostAsync("/sign-in/link", FormPost.Fields(("secret", secret)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnusedAsync();
    }

    [Fact]
    public async Task Redeem_AfterFifteenMinutes_PageIsGonePostIs404AndNobodySignedIn()
    {
        var secret = await LinkForAsync("nina@initech.test", "/");
        var browser = Browser();
        var token = FormPost.TokenIn(await browser.GetStringAsync($"/sign-in/link/{secret}"), "sign-in-link-form");
        _time.Advance(EmailSignInService.Lifetime);

        var page = await browser.GetAsync($"/sign-in/link/{secret}");
        var post = await browser.PostAsync("/sign-in/link", FormPost.Fields(("__RequestVerificationToken", token), ("secret", secret)));

        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.NotFound), (page.StatusCode, post.StatusCode));
        Assert.Contains("This sign-in link does not work any more", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        await AssertUnusedAsync();
    }

    [Fact]
    public async Task Redeem_AbsoluteReturnUrl_GoesHomeInstead()
    {
        var secret = await LinkForAsync("nina@initech.test", "https://evil.example/phish");
        var browser = Browser();
        var token = FormPost.TokenIn(await browser.GetStringAsync($"/sign-in/link/{secret}"), "sign-in-link-form");

        var redeemed = await browser.PostAsync("/sign-in/link", FormPost.Fields(("__RequestVerificationToken", token), ("secret", secret)));

        Assert.Equal("/", redeemed.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not an address")]
    public async Task EmailStep_NoUsableAddress_BackToSignInSayingWhatToEnter(string email)
    {
        var browser = Browser();

        var response = await AskForLinkAsync(browser, email, "/");
        var page = await browser.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Enter an email address, such as name@example.com.", page, StringComparison.Ordinal);
        Assert.Contains("novalidate", page, StringComparison.Ordinal); // the browser lets the form through, so the page says it in words
    }

    private async Task<HttpResponseMessage> AskForLinkAsync(HttpClient browser, string email, string returnUrl)
    {
        var token = FormPost.TokenIn(await browser.GetStringAsync("/sign-in"), "sso-email-step");
        return await browser.PostAsync("/sso/start", FormPost.Fields(("__RequestVerificationToken", token), ("email", email), ("returnUrl", returnUrl)));
    }

    private async Task<string> LinkForAsync(string email, string returnUrl)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AskForLinkAsync(Browser(), email, returnUrl)).StatusCode);
        return await Mailbox.LatestSecretAsync(Factory, email, OutboxMessageKind.SignInLink);
    }

    private async Task AssertUnusedAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Null((await db.EmailSignInLinks.SingleAsync()).UsedAt);
        Assert.False(await db.People.AnyAsync(p => p.NormalizedEmail == "NINA@INITECH.TEST"));
    }
}

public sealed class SqliteSignInLinkEndpointTests() : SignInLinkEndpointTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSignInLinkEndpointTests() : SignInLinkEndpointTests(new PostgresPortalFixture());
