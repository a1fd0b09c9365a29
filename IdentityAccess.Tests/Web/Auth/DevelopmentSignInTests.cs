using System.Net;
using System.Text.RegularExpressions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityAccess.Tests.Web.Auth;

/// <summary>The development sign-in through the app's real cookie session, and proof that it exists nowhere else.</summary>
public sealed partial class DevelopmentSignInTests : IAsyncLifetime
{
    private readonly SqliteFileTestDatabase _database = new();
    private IdentityAccessWebFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false);
        return Task.CompletedTask;
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
        Assert.StartsWith("/sign-in?ReturnUrl=%2Forgs%2F", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task DevelopmentSignIn_SeededOwner_OpensMembersPage()
    {
        var client = Client();
        var (token, aliceId) = await ReadSignInFormAsync(client, "alice@acme.test");

        var signIn = await client.PostAsync("/sign-in/development", Form(token, aliceId, "/"));
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Your organizations", html);
        Assert.Contains("Acme Console", html);
    }

    [Fact]
    public async Task DevelopmentSignIn_ExternalReturnUrl_RedirectsHomeInstead()
    {
        var client = Client();
        var (token, aliceId) = await ReadSignInFormAsync(client, "alice@acme.test");

        var signIn = await client.PostAsync("/sign-in/development", Form(token, aliceId, "//evil.example/phish"));

        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DevelopmentSignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var client = Client();
        var (_, aliceId) = await ReadSignInFormAsync(client, "alice@acme.test");

        var signIn = await client.PostAsync("/sign-in/development", new FormUrlEncodedContent(new Dictionary<string, string> { ["personId"] = aliceId }));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task DevelopmentSignIn_InProduction_DoesNotExist()
    {
        var (token, aliceId) = await ReadSignInFormAsync(Client(), "alice@acme.test"); // seeds through Development first
        await using var production = new IdentityAccessWebFactory(_database, "Production", useTestAuth: false);
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetStringAsync("/sign-in");
        var post = await client.PostAsync("/sign-in/development", Form(token, aliceId, "/"));

        Assert.DoesNotContain("Development sign-in", page);
        Assert.DoesNotContain(aliceId, page);
        Assert.Contains("No sign-in method is configured", page);
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"got {post.StatusCode}");
        Assert.False(post.Headers.Contains("Set-Cookie") && post.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ia.session", StringComparison.Ordinal)));
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<(string Token, string PersonId)> ReadSignInFormAsync(HttpClient client, string email)
    {
        var html = await client.GetStringAsync("/sign-in");
        var form = FormFor().Matches(html).Single(m => m.Groups["label"].Value.Contains(email, StringComparison.Ordinal));
        return (form.Groups["token"].Value, form.Groups["person"].Value);
    }

    private static FormUrlEncodedContent Form(string token, string personId, string returnUrl) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["personId"] = personId,
        ["returnUrl"] = returnUrl,
    });

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<token>[^"]+)".*?name="personId" value="(?<person>[0-9a-f-]+)".*?aria-label="(?<label>Sign in as [^"]+)""", RegexOptions.Singleline)]
    private static partial Regex FormFor();
}
