using System.Net;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.SignInLinks;

/// <summary>/dev/mailbox shows every email, sign-in links included: in Development only.</summary>
public sealed class DevMailboxEndpointTests : IAsyncLifetime
{
    private readonly SqliteFileTestDatabase _database = new();
    private IdentityAccessWebFactory _development = default!;

    public async Task InitializeAsync()
    {
        _development = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false);
        _ = _development.Server;
        Assert.Null(await _development.Services.GetRequiredService<EmailSignInService>().RequestAsync("nina@initech.test", "/", "http://localhost/"));
    }

    public async Task DisposeAsync()
    {
        await _development.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Mailbox_InDevelopment_ListsTheSignInLink()
    {
        var html = await _development.CreateClient().GetStringAsync("/dev/mailbox");

        Assert.Contains("Your IdentityAccess sign-in link", html, StringComparison.Ordinal);
        Assert.Contains("To <b>nina@initech.test</b>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/sign-in/link/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mailbox_InProduction_DoesNotExist()
    {
        await using var production = new IdentityAccessWebFactory(_database, "Production", useTestAuth: false,
            new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "https://portal.example.test" }); // required outside Development
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/dev/mailbox");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("sign-in/link/", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
