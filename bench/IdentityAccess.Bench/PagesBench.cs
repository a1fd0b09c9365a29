// Page benchmark: the members page and the Identity and access page of an organization with many members, in headless
// Chromium (Debian's, CHROMIUM_PATH or /usr/bin/chromium) against the real app on Kestrel, signed in through the demo
// IdP as the owner. Times what a person waits for: navigation until the page is interactive with its data drawn, until
// its content is first visible (PageFirstPaint: before the circuit when the HTML holds it), and a
// search until the one matching row is shown. Prints figures; asserts nothing.
// Usage: dotnet run -c Release --project bench/IdentityAccess.Bench -- pages [seeded] [runs]
// IA_BENCH_SNAPSHOT=<file> copies the seeded SQLite database there (to study query plans with sqlite3);
// IA_BENCH_SERVER_ONLY=1 stops after the server-side timings; IA_BENCH_MENU_ONLY=1 times only moving between the two pages
// from the menu (for a profiler attached meanwhile).
using System.Diagnostics;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IdentityAccess.Bench;

internal static partial class PagesBench
{
    /// <summary>The members search waits this long after the last key (MemberTable's DebounceInterval) before it asks.</summary>
    private const int SearchDebounceMs = 300;

    public static async Task RunAsync(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var seeded = Arg(0, 100_000);
        var runs = Arg(1, 10);
        Console.WriteLine($"Pages bench: {seeded} members, {runs} runs each, {BenchPortal.DatabaseLabel}, {Environment.ProcessorCount} cores");
        await using var portal = await BenchPortal.StartAsync(seeded);
        await SnapshotAsync(portal);
        await ServerSideAsync(portal, seeded, runs);
        if (Environment.GetEnvironmentVariable("IA_BENCH_SERVER_ONLY") == "1")
        {
            return;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = portal.BaseUrl, ViewportSize = new() { Width = 1360, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await SignInAsync(page);

        var members = $"/orgs/{portal.Acme.Chat}/members";
        var menuOnly = Environment.GetEnvironmentVariable("IA_BENCH_MENU_ONLY") == "1";
        if (menuOnly)
        {
            await OpenAsync(page, members, page.Locator("[data-testid=member-table] tbody tr").First);
            Console.WriteLine("menu steps start");
        }
        else
        {
            await UrlAndSearchStepsAsync(page, portal, seeded, runs);
        }

        // Moving within the portal: the circuit is already up, so only the page's own work remains. Timed twice: by the
        // script (Playwright's click with its checks, then its wait), and in the page from the click's own event to the
        // first animation frame with the content, which is what a person sees (MenuClock).
        var menuRuns = menuOnly ? runs * 4 : runs;
        await MenuWarmUpAsync(page);
        var membersInPage = new List<double>();
        Report("members page, reached from the menu until rows are drawn", await TimeAsync(menuRuns, async () =>
        {
            await ToIdentityAsync(page); // "not members" is read in the background: listed before the next page is timed
            await MenuClock.StartAsync(page, MemberRows);
            var clock = Stopwatch.StartNew();
            await MembersLink(page).ClickAsync();
            await page.Locator(MemberRows).First.WaitForAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            membersInPage.Add(await MenuClock.ReadAsync(page));
            return elapsed;
        }));
        Report("members page, reached from the menu, in the page: click to the first frame with rows", membersInPage);
        var listed = new List<double>();
        var identityInPage = new List<double>();
        Report("Identity and access page, reached from the menu until its settings are drawn", await TimeAsync(menuRuns, async () =>
        {
            await ToMembersAsync(page);
            await MenuClock.StartAsync(page, "[data-testid=mode-select]");
            var clock = Stopwatch.StartNew();
            await IdentityLink(page).ClickAsync();
            await page.GetByTestId("mode-select").WaitForAsync();
            var drawn = clock.Elapsed.TotalMilliseconds;
            identityInPage.Add(await MenuClock.ReadAsync(page));
            await WaitNotMembersListedAsync(page);
            listed.Add(clock.Elapsed.TotalMilliseconds);
            return drawn;
        }));
        Report("Identity and access page, reached from the menu, in the page: click to the first frame with its settings", identityInPage);
        Report("Identity and access page, reached from the menu until \"not members\" is listed", listed);
        Console.WriteLine($"process working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
    }

    private static async Task UrlAndSearchStepsAsync(IPage page, BenchPortal portal, int seeded, int runs)
    {
        var members = $"/orgs/{portal.Acme.Chat}/members";
        Report("members page, open until interactive with rows", await TimeAsync(runs, () => OpenAsync(page, members, page.Locator("[data-testid=member-table] tbody tr").First)));
        Report("members page, search until the one match is shown (incl. 300 ms debounce)", await TimeAsync(runs, i => SearchAsync(page, $"seed{(i * 7919) % Math.Max(seeded, 1)}@")));
        var identity = $"/orgs/{portal.Acme.Chat}/identity";
        Report("Identity and access page, open until interactive", await TimeAsync(runs, () => OpenAsync(page, identity, page.GetByTestId("mode-select"))));
        // A member row's email cell and the provisioning mode exist only once the page's own data is drawn.
        await PageFirstPaint.MeasureAsync(page, new("members page", members, "[data-testid=member-table] tbody td[data-label=Email]", "data-label=\"Email\""), runs);
        await PageFirstPaint.MeasureAsync(page, new("Identity and access page", identity, "[data-testid=mode-select]", "data-testid=\"mode-select\""), runs);
    }

    /// <summary>The queries behind the two pages, without the browser: where a page's time goes.</summary>
    private static async Task ServerSideAsync(BenchPortal portal, int seeded, int runs)
    {
        var (org, owner) = (portal.Acme.Chat, portal.Acme.Owner);
        var members = portal.Services.GetRequiredService<MemberDirectory>();
        var seats = portal.Services.GetRequiredService<SeatLedger>();
        var queue = portal.Services.GetRequiredService<SeatQueueService>();
        var settings = portal.Services.GetRequiredService<ProvisioningSettingsService>();
        Report("  server: first page of members by name", await TimeAsync(runs, () => members.GetPageAsync(org, new MemberQuery(null, 0, 25, MemberSort.Name, false))));
        Report("  server: members search", await TimeAsync(runs, i => members.GetPageAsync(org, new MemberQuery($"seed{(i * 7919) % Math.Max(seeded, 1)}@", 0, 25, MemberSort.Name, false))));
        Report("  server: seat usage", await TimeAsync(runs, () => seats.GetUsageAsync(org)));
        Report("  server: seat queue", await TimeAsync(runs, () => queue.GetAsync(org, owner)));
        Report("  server: Identity and access settings view", await TimeAsync(runs, () => settings.GetAsync(org, owner)));
        Report("  server: Identity and access, known to the IdP but not members", await TimeAsync(runs, () => settings.GetAssignedButNotMembersAsync(org, owner)));
        Report("  server: known to the IdP but not members, a search", await TimeAsync(runs, i => settings.GetAssignedButNotMembersAsync(org, owner,
            new NotMembersQuery($"seed{(i * 7919) % Math.Max(seeded, 1)}@"))));
        Report("  server: known to the IdP but not members, page 20", await TimeAsync(runs, () => settings.GetAssignedButNotMembersAsync(org, owner,
            new NotMembersQuery(null, 19 * NotMembersQuery.PageSize))));
        var services = portal.Services;
        Report("  server: SCIM tokens", await TimeAsync(runs, () => services.GetRequiredService<ScimSetupService>().ListAsync(org, owner)));
        Report("  server: staged removals", await TimeAsync(runs, () => services.GetRequiredService<StagedRemovalService>().ListAsync(org, owner)));
        Report("  server: domains", await TimeAsync(runs, () => services.GetRequiredService<DomainService>().ListAsync(org, owner)));
        Report("  server: sync health", await TimeAsync(runs, () => services.GetRequiredService<ProvisioningLogReader>().GetStatusAsync(org, owner)));
        Report("  server: SSO connection", await TimeAsync(runs, () => services.GetRequiredService<SamlConnectionService>().GetAsync(org, owner)));
    }

    private static async Task SnapshotAsync(BenchPortal portal)
    {
        if (Environment.GetEnvironmentVariable("IA_BENCH_SNAPSHOT") is not { Length: > 0 } file)
        {
            return;
        }

        File.Delete(file);
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {file}");
        Console.WriteLine($"snapshot written to {file}");
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/sign-in");
        await WaitInteractiveAsync(page);
        await page.GetByText("Sign in with the demo identity provider (acme.test)").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as alice@acme.test", Exact = true }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
    }

    private static async Task OpenAsync(IPage page, string path, ILocator drawn)
    {
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
        await drawn.WaitForAsync();
    }

    private static async Task SearchAsync(IPage page, string emailPrefix)
    {
        var rows = page.Locator("[data-testid=member-table] tbody tr");
        await page.GetByLabel("Search members").FillAsync(emailPrefix);
        await rows.Filter(new() { HasText = emailPrefix }).First.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=member-table] tbody tr').length === 1");
    }

    // The settings draw first; "Known to your IdP, not members" follows when its own read is done.
    private static async Task WaitNotMembersListedAsync(IPage page)
    {
        await page.GetByTestId("mode-select").WaitForAsync();
        await page.GetByTestId("not-members-loading").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private static Task WaitInteractiveAsync(IPage page) => page.Locator("[data-interactive=yes]").WaitForAsync();

    internal static Task<List<double>> TimeAsync(int runs, Func<Task> step) => TimeAsync(runs, _ => step());

    /// <summary>Runs whose step times only part of itself (after its own set-up) and returns that part.</summary>
    internal static async Task<List<double>> TimeAsync(int runs, Func<Task<double>> timedStep)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            times.Add(await timedStep());
        }

        return times;
    }

    /// <summary>One cold run (the first render compiles and fills caches), then the warm runs.</summary>
    internal static async Task<List<double>> TimeAsync(int runs, Func<int, Task> step)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await step(i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    internal static void Report(string what, List<double> times)
    {
        var warm = times.Skip(1).Order().ToList();
        double Percentile(double p) => warm[Math.Min(warm.Count - 1, (int)Math.Ceiling(p * warm.Count) - 1)];
        Console.WriteLine($"{what}: cold {times[0]:F0} ms; warm p50 {Percentile(0.5):F0} ms, p95 {Percentile(0.95):F0} ms");
    }
}
