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

/// <summary>
/// SP-initiated sign-in through the real app and cookie session: start, the IdP's signed Response (made with
/// <see cref="SamlResponseSigner"/> for the request the app sent), the ACS, then <c>/api/me</c>.
/// </summary>
public abstract partial class SamlSignInEndpointTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly Uri _acs = new("http://localhost/saml/acs");
    private IdentityAccessWebFactory _factory = default!;
    private DemoData _demo = default!;
    private Guid _acmeParent;

    public async Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(database, useTestAuth: false);
        await using var db = await _factory.CreateDbContextAsync();
        _demo = await DemoData.LoadAsync(db);
        _acmeParent = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        var connections = _factory.Services.GetRequiredService<SamlConnectionService>();
        var alice = new AuditActor(_demo.Person("alice@acme.test"), "Alice");
        Assert.Null(await connections.ImportMetadataAsync(_demo.AcmeChat, IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)),
            SamlAttributePreset.Okta, alice));
        Assert.Null(await connections.SetEnabledAsync(_demo.AcmeChat, true, alice));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task FullRoundTrip_ExistingPersonWithVerifiedEmail_SignsInLinksAndApiMeReturnsThePerson()
    {
        var login = await StartAsync("/orgs/" + _demo.AcmeChat + "/members");

        var acs = await PostAcsAsync(login, Response(login.RequestId, "carol@acme.test"));

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal("/orgs/" + _demo.AcmeChat + "/members", acs.Headers.Location!.OriginalString);
        var me = await GetMeAsync(SessionCookie(acs));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("carol@acme.test", json.RootElement.GetProperty("email").GetString());
        Assert.Equal("Carol Chen", json.RootElement.GetProperty("name").GetString());
        var acme = json.RootElement.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Acme");
        Assert.Equal(_demo.AcmeChat, acme.GetProperty("id").GetGuid());
        Assert.NotNull(acme.GetProperty("role").GetString());
        await using var db = await _factory.CreateDbContextAsync();
        Assert.Equal(_demo.Person("carol@acme.test"), (await db.SamlIdentityLinks.SingleAsync(l => l.Subject == "okta-carol")).PersonId);
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
        await using var db = await _factory.CreateDbContextAsync();
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
    public async Task Start_RelayStateIsOnlyTheStateKey_AndTheCookieIsHttpOnlyOnTheAcsPath()
    {
        var login = await StartAsync("/orgs");

        Assert.DoesNotContain("orgs", login.RelayState, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(login.RelayState), 32, AuthnRequestBuilder.MaxRelayStateBytes);
        Assert.Contains("httponly", login.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/saml/acs", login.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", login.SetCookie, StringComparison.OrdinalIgnoreCase); // plain http here; https gets None + Secure
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
        await using var db = await _factory.CreateDbContextAsync();
        Assert.False(await db.SamlIdentityLinks.AnyAsync());
    }

    [Fact]
    public async Task EmailStep_VerifiedDomain_RedirectsToTheIdP_UnknownDomain_ExplainsOnTheSignInPage()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = AntiforgeryToken().Match(await client.GetStringAsync("/sign-in")).Groups["token"].Value;

        var known = await client.PostAsync("/sso/start", Form(("__RequestVerificationToken", token), ("email", "Dave@Acme.test"), ("returnUrl", "/")));
        var unknown = await client.PostAsync("/sso/start", Form(("__RequestVerificationToken", token), ("email", "someone@nowhere.example"), ("returnUrl", "/")));

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.StartsWith(IdpMetadataSamples.OktaSsoUrl + "?SAMLRequest=", known.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        var signInPage = await client.GetStringAsync(unknown.Headers.Location!.OriginalString);
        Assert.Contains("No organization uses single sign-on for that email address", signInPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("PD94bWwgdmVyc2lvbj0iMS4wIj8+PCFET0NUWVBFIHg+PHgvPg==")] // a DOCTYPE
    public async Task GarbageResponse_WithAValidLogin_Is400NeverA500(string samlResponse)
    {
        var login = await StartAsync("/");

        var acs = await PostAcsAsync(login, samlResponse);

        Assert.Equal(HttpStatusCode.BadRequest, acs.StatusCode);
        await using var db = await _factory.CreateDbContextAsync();
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

    [Fact]
    public async Task Start_SsoTurnedOffOrUnknownParent_Is400PageNotARedirect()
    {
        Assert.Null(await _factory.Services.GetRequiredService<SamlConnectionService>()
            .SetEnabledAsync(_demo.AcmeChat, false, new AuditActor(_demo.Person("alice@acme.test"), "Alice")));

        var off = await Client().GetAsync($"/sso/{_acmeParent}");
        var unknown = await Client().GetAsync($"/sso/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
        Assert.Contains("Single sign-on is not available", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task ApiMe_Anonymous_Returns401()
    {
        var me = await GetMeAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Metadata_NamesTheConfiguredEntityIdAndTheAcs()
    {
        var xml = await _factory.CreateClient().GetStringAsync("/saml/metadata");

        Assert.Contains("entityID=\"urn:identityaccess:sp\"", xml, StringComparison.Ordinal);
        Assert.Contains("Location=\"http://localhost/saml/acs\"", xml, StringComparison.Ordinal);
    }

    private sealed record Login(string RequestId, string RelayState, string? Nonce, string SetCookie);

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<Login> StartAsync(string returnUrl)
    {
        var start = await Client().GetAsync($"/sso/{_acmeParent}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var query = HttpUtility.ParseQueryString(start.Headers.Location!.Query);
        var setCookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ia.saml=", StringComparison.Ordinal));
        var nonce = setCookie["ia.saml=".Length..setCookie.IndexOf(';', StringComparison.Ordinal)];
        return new Login(RequestIdOf(query["SAMLRequest"]!), query["RelayState"]!, nonce, setCookie);
    }

    private static string RequestIdOf(string samlRequest)
    {
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(samlRequest)), CompressionMode.Decompress);
        var document = new XmlDocument { XmlResolver = null };
        document.Load(inflate);
        return document.DocumentElement!.GetAttribute("ID");
    }

    private static string Response(string requestId, string email) => new SamlResponseSigner(SamlTestKeys.Idp).CreateBase64(new SamlResponseContent
    {
        Issuer = IdpMetadataSamples.OktaEntityId,
        NameId = email.StartsWith("carol", StringComparison.Ordinal) ? "okta-carol" : "okta-" + email,
        Audience = "urn:identityaccess:sp",
        Destination = _acs,
        InResponseTo = requestId,
        IssueInstant = DateTimeOffset.UtcNow,
        Attributes = new Dictionary<string, IReadOnlyList<string>> { ["email"] = [email], ["displayName"] = ["From the IdP"] },
    });

    private async Task<HttpResponseMessage> PostAcsAsync(Login login, string samlResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/saml/acs")
        {
            Content = Form(("SAMLResponse", samlResponse), ("RelayState", login.RelayState)),
        };
        if (login.Nonce is not null)
        {
            request.Headers.Add("Cookie", "ia.saml=" + login.Nonce);
        }

        return await Client().SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetMeAsync(string? sessionCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (sessionCookie is not null)
        {
            request.Headers.Add("Cookie", sessionCookie);
        }

        return await Client().SendAsync(request);
    }

    private static string SessionCookie(HttpResponseMessage response) => SessionCookieOrNull(response) ?? throw new InvalidOperationException("No session cookie.");

    private static string? SessionCookieOrNull(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith("ia.session", StringComparison.Ordinal)).Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]).FirstOrDefault()
            : null;

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("""data-testid="sso-email-step".*?name="__RequestVerificationToken" value="(?<token>[^"]+)""", RegexOptions.Singleline)]
    private static partial Regex AntiforgeryToken();
}

public sealed class SqliteSamlSignInEndpointTests() : SamlSignInEndpointTests(new SqliteTestDatabase());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlSignInEndpointTests() : SamlSignInEndpointTests(new PostgresTestDatabase());
