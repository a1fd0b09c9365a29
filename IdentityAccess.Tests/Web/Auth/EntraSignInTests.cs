using System.Net;
using System.Security.Claims;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Tests.Web.Auth;

/// <summary>
/// Entra ID sign-in as configured through the <c>AzureAd</c> section. Entra itself is outside the product, so a
/// stand-in serves its OpenID discovery document on 127.0.0.1.
/// </summary>
public sealed class EntraSignInTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>, IAsyncLifetime
{
    private const string TenantId = "11111111-2222-3333-4444-555555555555";
    private const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private WebApplication _entra = default!;
    private string _entraUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _entra = builder.Build();
        _entra.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", (HttpContext http) =>
        {
            var root = $"{http.Request.Scheme}://{http.Request.Host}/{TenantId}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = $"{root}/v2.0",
                ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
                ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
                ["response_types_supported"] = new[] { "code", "id_token" },
                ["subject_types_supported"] = new[] { "pairwise" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        _entra.MapGet($"/{TenantId}/discovery/v2.0/keys", () => Results.Json(new { keys = Array.Empty<object>() }));
        await _entra.StartAsync();
        _entraUrl = _entra.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync() => await _entra.DisposeAsync();

    [Fact]
    public async Task SignInWithEntra_Configured_ChallengesTheConfiguredTenant()
    {
        await using var app = EntraConfigured(_entraUrl + "/");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signInPage = await client.GetStringAsync("/sign-in");
        var challenge = await client.GetAsync("/sign-in/entra?returnUrl=%2Forgs");

        Assert.Contains("Sign in with Microsoft Entra ID", signInPage);
        Assert.DoesNotContain("Development sign-in", signInPage);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith($"{_entraUrl}/{TenantId}/oauth2/v2.0/authorize?", location);
        Assert.Contains($"client_id={ClientId}", location);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", location);
    }

    private WebApplicationFactory<Program> EntraConfigured(string instance) =>
        portal.Factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Portal:PublicBaseUrl", "https://portal.example.test");
            b.UseSetting("AzureAd:Instance", instance);
            b.UseSetting("AzureAd:TenantId", TenantId);
            b.UseSetting("AzureAd:ClientId", ClientId);
            b.UseSetting("AzureAd:ClientSecret", "test-secret");
            // The stand-in speaks http on loopback; Entra's real metadata is https.
            b.ConfigureTestServices(s => s.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.RequireHttpsMetadata = false));
        });

    [Fact]
    public async Task SignInWithEntra_EntraUnreachable_ReturnsToSignInWithReadableError()
    {
        await using var app = EntraConfigured("http://127.0.0.1:9/");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var challenge = await client.GetAsync("/sign-in/entra");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("/sign-in?error=", challenge.Headers.Location!.OriginalString);
        Assert.Contains("could not be reached", await client.GetStringAsync(challenge.Headers.Location));
    }

    [Fact]
    public async Task Link_KnownEmailInAnyCase_GivesThePortalSessionOfThatPerson()
    {
        var entraUser = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "ALICE@acme.test"), new Claim("oid", "entra-object-id")], "entra"));

        var linked = await EntraPersonLink.LinkAsync(entraUser, portal.Factory.Services.GetRequiredService<PersonLookup>(), default);

        Assert.Equal(portal.Demo.Person("alice@acme.test"), linked.Person!.Id); // our person: none of Entra's own claims reach the session
        Assert.Null(linked.Failure);
    }

    [Fact]
    public async Task Link_UnknownEmail_FailsWithAReadableReason()
    {
        var entraUser = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "stranger@elsewhere.test")], "entra"));

        var linked = await EntraPersonLink.LinkAsync(entraUser, portal.Factory.Services.GetRequiredService<PersonLookup>(), default);

        Assert.Null(linked.Person);
        Assert.Equal(SignInMessages.EntraNoAccount, linked.Failure);
        Assert.Contains("not a member of any organization here", Localizers.Portal()[SignInMessages.For(linked.Failure)!.Key].Value);
    }

    [Fact]
    public async Task TokenValidated_KnownPerson_StartsAServerSessionAndTheCookieCarriesOnlyIt()
    {
        await using var app = EntraConfigured(_entraUrl + "/");
        using var scope = app.Services.CreateScope();
        var (options, context) = await TokenValidatedAsync(app, scope, "Carol@acme.test");

        await options.Events.OnTokenValidated(context);

        var principal = context.Principal!;
        Assert.Equal([ClaimTypes.NameIdentifier, PortalClaims.PersonId, PortalClaims.SessionId], principal.Claims.Select(c => c.Type));
        var session = await app.Services.GetRequiredService<PortalSessionService>()
            .ValidateAsync(principal.GetSessionId()!.Value, portal.Demo.Person("carol@acme.test"));
        Assert.Equal("entra", session!.SignInMethod);
    }

    [Fact]
    public async Task TokenValidated_UnknownPerson_FailsAndTheSignInPageShowsTheFixedSentenceForIt()
    {
        await using var app = EntraConfigured(_entraUrl + "/");
        using var scope = app.Services.CreateScope();
        var (options, context) = await TokenValidatedAsync(app, scope, "stranger@elsewhere.test");

        await options.Events.OnTokenValidated(context);
        var failure = new RemoteFailureContext(context.HttpContext, context.Scheme, options, context.Result!.Failure!);
        await options.Events.OnRemoteFailure(failure);

        Assert.False(context.Result.Succeeded);
        Assert.Equal(SignInMessages.SignInPath(SignInMessages.EntraNoAccount), context.HttpContext.Response.Headers.Location.ToString());
        Assert.DoesNotContain("stranger", context.HttpContext.Response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What the OpenID Connect handler hands the app once Entra's token checked out: the account's claims.</summary>
    private static async Task<(OpenIdConnectOptions, TokenValidatedContext)> TokenValidatedAsync(WebApplicationFactory<Program> app, IServiceScope scope, string email)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var scheme = (await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme))!;
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var entraUser = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", email), new Claim("oid", "entra-object-id")], "entra"));
        return (options, new TokenValidatedContext(http, scheme, options, entraUser, new AuthenticationProperties()));
    }
}

