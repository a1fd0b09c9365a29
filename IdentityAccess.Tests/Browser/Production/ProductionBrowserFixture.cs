using System.Net;
using System.Net.Sockets;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser.Production;

/// <summary>
/// The portal as deployed: the Production environment (security headers, no demo IdP, a configured public base URL)
/// on Kestrel at 127.0.0.1, over a SQLite file that a Development start seeded with the demo first. Static web assets
/// are served from the build output as <c>dotnet publish</c> would place them (TOOLCHAIN: static assets outside
/// Development). People are signed in with <see cref="SessionCookies"/>, there being no IdP in this environment.
/// </summary>
public sealed class ProductionBrowserFixture : IAsyncLifetime
{
    private readonly SqliteFileTestDatabase _database = new();
    private readonly OpenedContexts _contexts = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public DemoData Demo { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await using (var seeding = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false))
        {
            await using var db = await seeding.CreateDbContextAsync(); // starting it migrated and seeded the demo
            Demo = await DemoData.LoadAsync(db);
        }

        // The public base URL is configuration, so the port is chosen before the server starts.
        var port = FreeLoopbackPort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Factory = new IdentityAccessWebFactory(_database, "Production", useTestAuth: false,
                new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = BaseUrl })
            .WithWebHostBuilder(b => b.UseStaticWebAssets());
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        Factory.StartServer();

        Assertions.SetDefaultExpectTimeout(20_000);
        await SharedChromium.GetAsync();
    }

    /// <summary>A browser context of this fixture's (closed with it) in the run's one Chromium.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) => _contexts.NewAsync(options);

    /// <summary>A new browser signed in as <paramref name="email"/>, which records every CSP violation it meets in <c>window.cspViolations</c>.</summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        var context = await NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1360, Height = 1000 } });
        var (_, cookie) = await SessionCookies.CreateAsync(Factory.Services, Demo.Person(email));
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = SessionCookies.Name, Value = cookie, Url = BaseUrl, HttpOnly = true, SameSite = SameSiteAttribute.Lax }]);
        await context.AddInitScriptAsync("""
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _contexts.CloseAllAsync();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
