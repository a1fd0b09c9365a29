using System.Net;
using System.Text.RegularExpressions;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// Walks the demo IdP's sign-in over HTTP as a browser would: the app's SP-initiated start, the IdP's page, the pick of a
/// person, and the IdP's auto-submitted form to the real ACS. The client must keep cookies and not follow redirects.
/// </summary>
public static partial class DemoIdpHttp
{
    public static async Task<Guid> ParentIdAsync(IdentityAccessDbContext db, string name) =>
        await db.ParentOrganizations.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();

    /// <summary>GET /sso/{parent}: the redirect to the demo IdP, then its page listing people.</summary>
    public static async Task<string> OpenIdpPageAsync(HttpClient client, Guid parentId, string returnUrl = "/")
    {
        var start = await client.GetAsync($"/sso/{parentId}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/demo-idp/sso?", start.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var page = await client.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>Presses "Sign in as {email}" on the IdP's page: returns the page that posts to the ACS.</summary>
    public static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string idpPage, string email)
    {
        var form = PersonForms().Matches(idpPage).Single(m => m.Value.Contains($"Sign in as {email}<", StringComparison.Ordinal));
        return await client.PostAsync("/demo-idp/sso", Fields(form.Value));
    }

    /// <summary>Submits the IdP's auto-posting form, as the browser's script does, to the action it names.</summary>
    public static async Task<HttpResponseMessage> PostToAcsAsync(HttpClient client, string autoPostPage)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(autoPostPage).Groups["action"].Value);
        return await client.PostAsync(new Uri(action).PathAndQuery, Fields(autoPostPage));
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, Guid parentId, string email, string returnUrl = "/")
    {
        var idpPage = await OpenIdpPageAsync(client, parentId, returnUrl);
        var autoPost = await ChooseAsync(client, idpPage, email);
        Assert.Equal(HttpStatusCode.OK, autoPost.StatusCode);
        return await PostToAcsAsync(client, await autoPost.Content.ReadAsStringAsync());
    }

    public static string HiddenValue(string html, string name) =>
        WebUtility.HtmlDecode(HiddenField().Matches(html).Single(m => m.Groups["name"].Value == name).Groups["value"].Value);

    public static FormUrlEncodedContent Fields(string html) => new(HiddenField().Matches(html)
        .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value))));

    [GeneratedRegex("""<form method="post" action="/demo-idp/sso">.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex PersonForms();

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]+)" id="saml-post">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" />""")]
    private static partial Regex HiddenField();
}
