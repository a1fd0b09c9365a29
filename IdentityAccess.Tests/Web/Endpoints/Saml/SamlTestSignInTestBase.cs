using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// Test sign-in over HTTP as a browser does it: a parent admin's real session, the SSO panel's form (its antiforgery
/// token taken from the page), the new tab sent to the IdP, the IdP's Response posted to the ACS in that tab.
/// </summary>
public abstract partial class SamlTestSignInTestBase(PortalFixture portal) : SamlSignInTestBase(portal)
{
    /// <summary>A browser signed in as <paramref name="email"/> with a session of its own.</summary>
    protected async Task<CookieJarClient> SignedInAsync(string email)
    {
        var (_, cookie) = await SessionCookies.CreateAsync(Factory.Services, Demo.Person(email));
        return new CookieJarClient(Factory, (SessionCookies.Name, cookie));
    }

    /// <summary>The antiforgery token of any form on a page the person can open (the sign-out form is on every page).</summary>
    protected static async Task<string> TokenAsync(CookieJarClient browser, string path = "/")
    {
        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return AnyToken().Match(await page.Content.ReadAsStringAsync()).Groups["token"].Value;
    }

    /// <summary>Presses a test button: posts the panel's form and, when the test starts, reads where the new tab goes.</summary>
    protected async Task<(HttpResponseMessage Response, Login? Login)> StartTestAsync(CookieJarClient browser, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(browser, $"/orgs/{Demo.AcmeChat}/identity");
        var response = await browser.PostAsync(SamlTestSignInEndpoints.StartPath,
            [("__RequestVerificationToken", token), ("parentId", AcmeParent.ToString()), .. fields]);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response, null);
        }

        var idp = new Uri(WebUtility.HtmlDecode(RefreshUrl().Match(await response.Content.ReadAsStringAsync()).Groups["url"].Value));
        var query = HttpUtility.ParseQueryString(idp.Query);
        return (response, new Login(RequestIdOf(query["SAMLRequest"]!), query["RelayState"]!, browser.Cookie(SamlEndpoints.StateCookie), ""));
    }

    /// <summary>The IdP's auto-submitted form, posted to the ACS in the tab the test runs in.</summary>
    protected static Task<HttpResponseMessage> PostAcsAsync(CookieJarClient browser, Login login, string samlResponse) =>
        browser.PostAsync(SamlServiceProvider.AcsPath, ("SAMLResponse", samlResponse), ("RelayState", login.RelayState));

    protected async Task<SamlTestSignIn> TestRowAsync(Guid id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Set<SamlTestSignIn>().AsNoTracking().SingleAsync(t => t.Id == id);
    }

    protected async Task<List<string>> AuditActionsAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.OccurredAt).Select(e => e.Action).ToListAsync();
    }

    protected static Guid TestIdIn(HttpResponseMessage acs)
    {
        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        var location = acs.Headers.Location!.OriginalString;
        Assert.StartsWith("/sso/test/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/sso/test/".Length..]);
    }

    protected AuditActor Alice => new(Demo.Person("alice@acme.test"), "Alice Anders");

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<token>[^"]+)""")]
    private static partial Regex AnyToken();

    [GeneratedRegex("""http-equiv="refresh" content="0;url=(?<url>[^"]+)""")]
    private static partial Regex RefreshUrl();
}
