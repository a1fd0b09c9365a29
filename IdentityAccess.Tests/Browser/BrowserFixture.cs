using System.Net;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 (Development, SQLite file, seeded demo, the real sign-in) and headless
/// Debian Chromium driven by Playwright (<see cref="SharedChromium"/>). No browser is downloaded: CHROMIUM_PATH (default
/// /usr/bin/chromium) is used.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly OpenedContexts _contexts = new();
    private SqliteFileTestDatabase? _database;

    public IdentityAccessWebFactory Factory { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public DemoData Demo { get; private set; } = default!;

    /// <summary>Configuration for the app under test, for a journey that needs a setting of its own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>SQLite's busy timeout for the app's connections, for a journey that waits it out; 30 s when null.</summary>
    protected virtual TimeSpan? DatabaseBusyTimeout => null;

    public async Task InitializeAsync()
    {
        _database = new SqliteFileTestDatabase(DatabaseBusyTimeout);
        Factory = new IdentityAccessWebFactory(_database, "Development", useTestAuth: false, settings: Settings);
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await using (var db = await Factory.CreateDbContextAsync())
        {
            Demo = await DemoData.LoadAsync(db);
        }

        // Waits, not speed checks: the first render after start-up includes JIT on a 2-core machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        await SharedChromium.GetAsync();
    }

    /// <summary>A browser context of this fixture's (closed with it) in the run's one Chromium.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options) => _contexts.NewAsync(options);

    /// <summary>A new browser (its own cookies), in English unless <paramref name="locale"/> names the browser's language.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1360, Height = 1200 }, Locale = locale });
        var page = await context.NewPageAsync();
        // The Identity and access page asks before a reload or close with unsaved changes (they stay kept as a draft);
        // a test that leaves means to, as a person who confirms. Other dialogs are dismissed, as Playwright does unhandled.
        page.Dialog += async (_, dialog) => await (dialog.Type == "beforeunload" ? dialog.AcceptAsync() : dialog.DismissAsync());
        return page;
    }

    public async Task DisposeAsync()
    {
        await _contexts.CloseAllAsync();
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
