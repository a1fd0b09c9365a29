using System.Net;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityAccess.Tests.Web.Auth;

/// <summary>
/// The development sign-in goes through the demo IdP and the real ACS into the app's cookie session; outside
/// Development neither the demo IdP nor any other development sign-in exists.
/// </summary>
public sealed class DevelopmentSignInTests : IAsyncLifetime
{
    private readonly SqliteFileTestDatabase _database = new();
    private IdentityAccessWebFactory _factory = default!;
    private Guid _acme;

    public async Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false);
        await using var db = await _factory.CreateDbContextAsync();
        _acme = await DemoIdpHttp.ParentIdAsync(db, "Acme Corporation");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task OrganizationPage_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        var response = await Client().GetAsync("/orgs/00000000-0000-0000-0000-000000000001/members");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=%2Forgs%2F", response.Headers.Location!.OriginalString); // relative: never built from Host
    }

    [Fact]
    public async Task SignInPage_InDevelopment_OffersTheDemoIdpPerSeededParent()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/sign-in?returnUrl=%2Faudit"));

        Assert.Contains("Demo identity provider — Development only", html);
        Assert.Contains($"href=\"/sso/{_acme}?returnUrl=%2Faudit\"", html);
        Assert.Contains("Sign in with the demo identity provider (acme.test)", html);
        Assert.Contains("Sign in with the demo identity provider (globex.test)", html);
    }

    [Fact]
    public async Task DemoIdpSignIn_SeededOwner_OpensHomeThroughTheRealAcs()
    {
        var client = Client();

        var acs = await DemoIdpHttp.SignInAsync(client, _acme, "alice@acme.test");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.Equal("/", acs.Headers.Location!.OriginalString);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Your organizations", html);
        Assert.Contains("Acme Console", html);
    }

    [Fact]
    public async Task DemoIdpSignIn_ExternalReturnUrl_RedirectsHomeInstead()
    {
        var acs = await DemoIdpHttp.SignInAsync(Client(), _acme, "alice@acme.test", "//evil.example/phish");

        Assert.Equal("/", acs.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DemoIdpChoice_WithoutAntiforgeryToken_AnswersReadable400()
    {
        var client = Client();
        var page = await DemoIdpHttp.OpenIdpPageAsync(client, _acme);
        var withoutToken = page.Replace("__RequestVerificationToken", "stripped", StringComparison.Ordinal);

        var choice = await DemoIdpHttp.ChooseAsync(client, withoutToken, "alice@acme.test");

        Assert.Equal(HttpStatusCode.BadRequest, choice.StatusCode);
        Assert.Contains("Start signing in again", await choice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DemoIdpAndDevelopmentSignIn_InProduction_DoNotExist()
    {
        var idpPage = await DemoIdpHttp.OpenIdpPageAsync(Client(), _acme); // seeds through Development first
        await using var production = new IdentityAccessWebFactory(_database, "Production", useTestAuth: false,
            new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "https://portal.example.test" });
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signInPage = await client.GetStringAsync("/sign-in");
        var choice = await client.PostAsync("/demo-idp/sso", DemoIdpHttp.Fields(idpPage));
        var oldDevelopmentSignIn = await client.PostAsync("/sign-in/development", new FormUrlEncodedContent([]));

        Assert.DoesNotContain("demo identity provider", signInPage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No sign-in method is configured", signInPage);
        foreach (var path in new[] { "/demo-idp", "/demo-idp/metadata", "/demo-idp/sso" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain("Demo identity provider", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        foreach (var post in new[] { choice, oldDevelopmentSignIn })
        {
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"got {post.StatusCode}");
            Assert.False(post.Headers.Contains("Set-Cookie") && post.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ia.session", StringComparison.Ordinal)));
        }
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
