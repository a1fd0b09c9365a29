using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using System.Xml;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>The ACS: who gets signed in, how they are found, and every refusal (replay, reused state, wrong browser, bad input, open redirect).</summary>
public abstract class SamlAcsEndpointTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Fact]
    public async Task FullRoundTrip_ExistingPersonWithVerifiedEmail_SignsInLinksAndApiMeReturnsThePerson()
    {
        var login = await StartAsync("/orgs/" + Demo.AcmeChat + "/members");

        var acs = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"));

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal("/orgs/" + Demo.AcmeChat + "/members", acs.Headers.Location!.OriginalString);
        var me = await GetMeAsync(SessionCookie(acs));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("carol@acme.test", json.RootElement.GetProperty("email").GetString());
        // Acme owns acme.test, so Carol's name follows what its IdP asserts at each sign-in.
        Assert.Equal("From the IdP", json.RootElement.GetProperty("name").GetString());
        var acme = json.RootElement.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Acme");
        Assert.Equal(Demo.AcmeChat, acme.GetProperty("id").GetGuid());
        Assert.NotNull(acme.GetProperty("role").GetString());
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(Demo.Person("carol@acme.test"), (await db.SamlIdentityLinks.SingleAsync(l => l.Subject == "okta-carol")).PersonId);
        Assert.Equal(1, await db.SamlReplayEntries.CountAsync()); // the database cache recorded the assertion
    }

    [Fact]
    public async Task SecondLogin_UsesTheIdentityLink_EvenWhenTheEmailNoLongerMatches()
    {
        var first = await StartAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAcsAsync(first, Response(first.RequestId, "carol@acme.test"))).StatusCode);

        var second = await StartAsync("/");
        var acs = await PostAcsAsync(second, Response(second.RequestId, "carol.chen@renamed.example"));

        using var json = JsonDocument.Parse(await (await GetMeAsync(SessionCookie(acs))).Content.ReadAsStringAsync());
        Assert.Equal("carol@acme.test", json.RootElement.GetProperty("email").GetString());
    }

    [Fact]
    public async Task ReplayedResponse_InANewLogin_IsRefusedWith400AndAudited()
    {
        var first = await StartAsync("/");
        var response = Response(first.RequestId, "carol@acme.test");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAcsAsync(first, response)).StatusCode);

        var second = await StartAsync("/");
        var replay = await PostAcsAsync(second, response);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("could not be accepted", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SessionCookieOrNull(replay));
        await using var db = await Factory.CreateDbContextAsync();
        var refused = await db.AuditEvents.SingleAsync(e => e.Action == "sso.sign-in-refused");
        Assert.Contains("InResponseToMismatch", refused.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameStateUsedTwice_SecondIsRefusedEvenWithAFreshValidResponse()
    {
        var login = await StartAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"))).StatusCode);

        var again = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This sign-in has expired", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-ID,id;q=0.9", "id", "Proses masuk ini telah kedaluwarsa", "Kembali ke halaman masuk")]
    [InlineData("pt-BR", "pt-BR", "Este login expirou", "Voltar ao login")]
    public async Task RefusalPage_InTheBrowsersLanguage(string acceptLanguage, string lang, string title, string back)
    {
        // The IdP's cross-site POST carries no SameSite=Lax culture cookie: the browser's languages decide.
        var login = await StartAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"))).StatusCode);

        var again = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"), acceptLanguage);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(back, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCookie_IsRefusedAndLeavesTheStateToItsOwnBrowser()
    {
        var login = await StartAsync("/");
        var response = Response(login.RequestId, "carol@acme.test");

        var foreign = await PostAcsAsync(login with { Nonce = "another-browser" }, response);
        var missing = await PostAcsAsync(login with { Nonce = null }, response);
        var own = await PostAcsAsync(login, response);

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/phish")]
    public async Task ExternalReturnUrl_AfterSignIn_RedirectsHomeInstead(string returnUrl)
    {
        var login = await StartAsync(returnUrl);

        var acs = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"));

        Assert.Equal("/", acs.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ValidPersonWithoutAccount_GetsNoAccessYetPage403()
    {
        var login = await StartAsync("/");

        var acs = await PostAcsAsync(login, Response(login.RequestId, "newcomer@acme.test"));

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        Assert.Contains("You have no access yet", await acs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailOutsideTheParentsVerifiedDomains_IsNotLinkedToThatPerson()
    {
        var login = await StartAsync("/");

        var acs = await PostAcsAsync(login, Response(login.RequestId, "grace@globex.test"));

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.SamlIdentityLinks.AnyAsync());
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("PD94bWwgdmVyc2lvbj0iMS4wIj8+PCFET0NUWVBFIHg+PHgvPg==")] // a DOCTYPE
    public async Task GarbageResponse_WithAValidLogin_Is400NeverA500(string samlResponse)
    {
        var login = await StartAsync("/");

        var acs = await PostAcsAsync(login, samlResponse);

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        await using var db = await Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sso.sign-in-refused"));
    }

    [Fact]
    public async Task Acs_EmptyOrNonFormPost_Is400()
    {
        var acs = await Client().PostAsync("/saml/acs", Form());
        var notAForm = await Client().PostAsync("/saml/acs", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
    }
}

public sealed class SqliteSamlAcsEndpointTests() : SamlAcsEndpointTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlAcsEndpointTests() : SamlAcsEndpointTests(new PostgresPortalFixture());
