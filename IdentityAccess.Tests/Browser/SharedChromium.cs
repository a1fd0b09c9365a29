using Microsoft.Playwright;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// One headless Debian Chromium (and one Playwright driver) for the whole test run. Each browser class used to launch
/// its own, a second or two of a busy CPU forty times a run; the classes' isolation is the browser context (its own
/// cookies and storage), which every test already opens, and each fixture closes the contexts it opened
/// (<see cref="OpenedContexts"/>). A browser that went away is launched again for the next class.
/// </summary>
internal static class SharedChromium
{
    private static readonly SemaphoreSlim _gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } running)
            {
                return running;
            }

            var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
            if (!File.Exists(chromium))
            {
                throw new InvalidOperationException($"Chromium not found at {chromium}. The README's test command (scripts/test.sh) installs Debian's chromium.");
            }

            if (_playwright is null)
            {
                _playwright = await Playwright.CreateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Close();
            }

            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Close()
    {
        _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(5));
        _playwright?.Dispose();
    }
}

/// <summary>The browser contexts one fixture opened in the shared browser, closed with the fixture.</summary>
internal sealed class OpenedContexts
{
    private readonly Lock _lock = new();
    private readonly List<IBrowserContext> _contexts = [];

    public async Task<IBrowserContext> NewAsync(BrowserNewContextOptions options)
    {
        var context = await (await SharedChromium.GetAsync()).NewContextAsync(options);
        lock (_lock)
        {
            _contexts.Add(context);
        }

        return context;
    }

    public async Task CloseAllAsync()
    {
        IBrowserContext[] contexts;
        lock (_lock)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
