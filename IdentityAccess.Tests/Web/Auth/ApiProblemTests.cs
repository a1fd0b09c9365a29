using System.Net;
using System.Text.Json;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Auth;

/// <summary>
/// Under <c>/api</c> the cookie scheme answers with RFC 9457 problems, never with the sign-in page: 401 for nobody, 403
/// for someone refused. The 403 is asked of the app's own cookie handler by a test-only endpoint (no /api endpoint
/// refuses a signed-in person yet).
/// </summary>
public sealed class ApiProblemTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private WebApplicationFactory<Program> _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(_database, useTestAuth: false).WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new RefusingApi())));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ApiMe_Anonymous_Answers401Problem_NotTheSignInPage()
    {
        var response = await Client().GetAsync("/api/me");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ApiCall_Refused_Answers403Problem_PageRefused_GoesToTheAccessDeniedPage()
    {
        var api = await Client().GetAsync("/api/test/refused");
        var page = await Client().GetAsync("/test/refused");

        await AssertProblemAsync(api, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/access-denied", page.Headers.Location!.OriginalString, StringComparison.Ordinal); // relative: never from Host
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Paths whose request the default (cookie) scheme forbids, as an authorization failure would.</summary>
    private sealed class RefusingApi : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (http.Request.Path.Value is "/api/test/refused" or "/test/refused")
                {
                    await http.ForbidAsync();
                    return;
                }

                await nextMiddleware(http);
            });
            next(app);
        };
    }
}
