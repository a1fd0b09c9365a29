using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Tests.Web.Auth;

/// <summary>
/// The cookie session against the harms it must withstand: a copied cookie after sign-out, a cross-site sign-out, sign
/// out everywhere, and losing the last role. People sign in through the demo IdP and the real ACS; each test gets a
/// fresh app and database.
/// </summary>
public abstract partial class SessionCookieTests(PortalFixture portal) : IAsyncLifetime
{
    private Guid _acmeParent;

    public async Task InitializeAsync()
    {
        portal.UseTestAuth = false;
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        _acmeParent = await DemoIdpHttp.ParentIdAsync(db, "Acme Corporation");
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Cookie_CarriesTheSessionAndPersonOnly()
    {
        var (_, cookie) = await SignInAsync("carol@acme.test");

        var options = portal.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = options.TicketDataFormat.Unprotect(cookie["ia.session=".Length..])!;

        Assert.Equal([ClaimTypes.NameIdentifier, PortalClaims.PersonId, PortalClaims.SessionId], ticket.Principal.Claims.Select(c => c.Type));
        Assert.Equal(portal.Demo.Person("carol@acme.test"), ticket.Principal.GetPersonId());
    }

    [Fact]
    public async Task SignOut_CopiedCookieReplayed_IsRefusedOnPagesAndApi()
    {
        var (browser, copied) = await SignInAsync("carol@acme.test");
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(copied, "/api/me")).StatusCode);

        var signedOut = await browser.PostAsync(SignInEndpoints.SignOutPath, Token(await browser.GetStringAsync("/")));
        var page = await WithCookie(copied, $"/orgs/{portal.Demo.AcmeChat}/members");
        var api = await WithCookie(copied, "/api/me");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("&error=" + SignInMessages.SessionEnded, page.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ia.session=;", StringComparison.Ordinal)); // the dead cookie is removed
        await AssertProblemAsync(api, HttpStatusCode.Unauthorized);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(SessionRevocationReason.SignedOut, (await db.PortalSessions.SingleAsync(s => s.PersonId == portal.Demo.Person("carol@acme.test"))).RevokedReason);
    }

    [Fact]
    public async Task SignOut_CrossSitePostWithoutTheAntiforgeryToken_IsRefusedAndTheSessionStays()
    {
        var (_, cookie) = await SignInAsync("carol@acme.test");

        // What another site's auto-submitting form would send if the browser attached the cookie: no token.
        using var forged = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignOutPath) { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Cookie", cookie);
        forged.Headers.Add("Origin", "https://evil.example");
        var signOut = await Raw().SendAsync(forged);
        using var everywhere = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignOutEverywherePath) { Content = new FormUrlEncodedContent([]) };
        everywhere.Headers.Add("Cookie", cookie);
        var signOutEverywhere = await Raw().SendAsync(everywhere);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOutEverywhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(cookie, "/api/me")).StatusCode);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.PortalSessions.AnyAsync(s => s.RevokedAt != null));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsBothSessionsOfThatPerson_AndNotAnothersSession()
    {
        var (laptop, laptopCookie) = await SignInAsync("carol@acme.test");
        var (_, phoneCookie) = await SignInAsync("carol@acme.test");
        var (_, aliceCookie) = await SignInAsync("alice@acme.test");

        var response = await laptop.PostAsync(SignInEndpoints.SignOutEverywherePath, Token(await laptop.GetStringAsync("/")));

        Assert.Equal(SignInMessages.SignInPath(SignInMessages.SignedOutEverywhere), response.Headers.Location!.OriginalString);
        await AssertProblemAsync(await WithCookie(laptopCookie, "/api/me"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await WithCookie(phoneCookie, "/api/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(aliceCookie, "/api/me")).StatusCode);
    }

    [Fact]
    public async Task RemovedFromTheOnlyOrganization_SessionEnds_AnotherMembershipKeepsIt()
    {
        var (_, carol) = await SignInAsync("carol@acme.test");
        var (_, dave) = await SignInAsync("dave@acme.test"); // also a member of Acme Console
        var members = portal.Factory.Services.GetRequiredService<MemberAdministration>();

        foreach (var email in new[] { "carol@acme.test", "dave@acme.test" })
        {
            Assert.Empty(await members.RemoveAsync(portal.Demo.AcmeChat, await MembershipIdAsync(email), portal.Demo.Person("alice@acme.test")));
        }

        await AssertProblemAsync(await WithCookie(carol, "/api/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(dave, "/api/me")).StatusCode);
    }

    [Fact]
    public async Task SigningInAgainInTheSameBrowser_EndsTheSessionItHad()
    {
        var (browser, first) = await SignInAsync("carol@acme.test");

        var again = await DemoIdpHttp.SignInAsync(browser, _acmeParent, "alice@acme.test");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await AssertProblemAsync(await WithCookie(first, "/api/me"), HttpStatusCode.Unauthorized);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(SessionRevocationReason.SignedInAgain,
            (await db.PortalSessions.SingleAsync(s => s.PersonId == portal.Demo.Person("carol@acme.test"))).RevokedReason);
    }

    /// <summary>A browser signed in through the demo IdP, and a copy of its session cookie (<c>ia.session=…</c>).</summary>
    private async Task<(HttpClient Browser, string Cookie)> SignInAsync(string email)
    {
        var browser = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var acs = await DemoIdpHttp.SignInAsync(browser, _acmeParent, email);
        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        var cookie = acs.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ia.session=", StringComparison.Ordinal));
        return (browser, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    private HttpClient Raw() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Another client presenting only <paramref name="cookie"/>: a copy of it taken from the browser.</summary>
    private async Task<HttpResponseMessage> WithCookie(string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await Raw().SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>
    /// The antiforgery field of the page's sign-out form (the same token serves the sessions menu's form, which is
    /// rendered only once the menu opens).
    /// </summary>
    private static FormUrlEncodedContent Token(string html)
    {
        var form = Regex.Match(html, $"""<form method="post" action="{Regex.Escape(SignInEndpoints.SignOutPath)}".*?</form>""", RegexOptions.Singleline).Value;
        return new([new("__RequestVerificationToken", DemoIdpHttp.HiddenValue(form, "__RequestVerificationToken"))]);
    }

    private async Task<Guid> MembershipIdAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.PersonId == portal.Demo.Person(email)).Select(m => m.Id).SingleAsync();
    }
}

public sealed class SqliteSessionCookieTests() : SessionCookieTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSessionCookieTests() : SessionCookieTests(new PostgresPortalFixture());
