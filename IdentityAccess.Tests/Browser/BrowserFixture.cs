using System.Net;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 (Development, SQLite file, seeded demo, the real sign-in) and headless
/// Debian Chromium driven by Playwright. No browser is downloaded: CHROMIUM_PATH (default /usr/bin/chromium) is used.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private SqliteFileTestDatabase? _database;
    private IPlaywright? _playwright;

    public IdentityAccessWebFactory Factory { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

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

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}. The README's test command (scripts/test.sh) installs Debian's chromium.");
        }

        // Waits, not speed checks: the first render after start-up includes JIT on a 2-core machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser (its own cookies), in English unless <paramref name="locale"/> names the browser's language.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1360, Height = 1200 }, Locale = locale });
        var page = await context.NewPageAsync();
        // The Identity and access page asks before a reload or close with unsaved changes (they stay kept as a draft);
        // a test that leaves means to, as a person who confirms. Other dialogs are dismissed, as Playwright does unhandled.
        page.Dialog += async (_, dialog) => await (dialog.Type == "beforeunload" ? dialog.AcceptAsync() : dialog.DismissAsync());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
