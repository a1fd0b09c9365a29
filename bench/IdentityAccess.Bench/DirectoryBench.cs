using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Web.Components.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Bench;

/// <summary>
/// Issue 19's large directory on PostgreSQL (<see cref="DirectorySeeder"/>): a mapping change's dry run, Sync now
/// applying a change to everyone, SCIM userName lookups, the members page's first page, and the working set.
/// Usage: <c>directory &lt;people&gt; [runs] [Sync now runs]</c> with <c>IA_BENCH_POSTGRES</c> set. Prints figures; asserts nothing.
/// </summary>
internal static class DirectoryBench
{
    public static async Task RunAsync(string[] args)
    {
        if (BenchPortal.DatabaseLabel != "PostgreSQL")
        {
            throw new InvalidOperationException($"the directory bench seeds in PostgreSQL's SQL: set {BenchPortal.PostgresVariable}");
        }

        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        var people = Arg(0, 100_000);
        var runs = Arg(1, 3);
        var syncRuns = Arg(2, runs); // 0 leaves Sync now out: at 1M each run takes minutes
        Console.WriteLine($"directory bench: {people} people, 3 organizations, {DirectorySeeder.Groups} groups, {runs} runs, {BenchPortal.DatabaseLabel}, "
            + $"{Environment.ProcessorCount} cores, load {Load()}");
        await using var portal = await BenchPortal.StartAsync(0);
        var directory = await DirectorySeeder.SeedAsync(portal, people);
        var services = portal.Services;

        // Untimed: Sync now from the parent brings every organization to what its mappings say (roles, tiers, the
        // fifth not yet a member admitted), so the timed part starts from a directory at rest, as in production.
        var clock = Stopwatch.StartNew();
        var settled = await services.GetRequiredService<SyncNowService>().SyncParentAsync(directory.Parent, directory.Owner);
        Console.WriteLine($"untimed: the parent's Sync now to rest ({settled.Changed} changes{(settled.Refusal is null ? "" : ", refused: " + settled.Refusal)}): "
            + $"{clock.Elapsed.TotalSeconds:F1} s");
        await DirectorySeeder.SettleAsync(services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>());

        await DryRunsAsync(services, directory, runs);
        await LookupsAsync(portal, people);
        await MembersFirstPageAsync(services, directory);
        await SyncNowRunsAsync(services, directory, people, syncRuns);

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"process working set at the end: {process.WorkingSet64 / (1024 * 1024)} MiB, peak {process.PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    /// <summary>a) Save changes' dry run (the same call the settings page makes) of one more group mapped to Admin in Acme.</summary>
    private static async Task DryRunsAsync(IServiceProvider services, DirectorySeeder.Directory directory, int runs)
    {
        var settings = services.GetRequiredService<ProvisioningSettingsService>();
        var saved = await DirectorySeeder.SavedDraftAsync(services, directory.Acme);
        var draft = saved with { RoleMappings = [.. saved.RoleMappings, new RoleMapping(DirectorySeeder.GroupKey(150), Role.Admin)] };
        var timings = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            using var peak = new WorkingSetPeak();
            var clock = Stopwatch.StartNew();
            var preview = await settings.PreviewAsync(directory.Acme, draft, directory.Owner);
            var ms = clock.Elapsed.TotalMilliseconds;
            var label = run == 0 ? "warm-up (not counted)" : $"run {run}";
            Console.WriteLine($"dry run {label}: {ms:F0} ms, {preview.Plan?.Outcomes.Count} people, {preview.Plan?.Changed.Count()} changed, "
                + $"{preview.Errors.Count} errors; peak working set {peak.Stop() / (1024 * 1024)} MiB; load {Load()}");
            if (run > 0)
            {
                timings.Add(ms);
            }
        }

        Console.WriteLine($"dry run median: {Median(timings):F0} ms");
    }

    /// <summary>
    /// c) SCIM userName eq over HTTP, one at a time, of random existing people, settled: as in the create and sign-in
    /// benches, the untimed lookups first let the tiered JIT finish (200 left it compiling through the timed part).
    /// </summary>
    private static async Task LookupsAsync(BenchPortal portal, int people)
    {
        const int WarmUp = 5_000, Timed = 5_000;
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portal.Token);
        var random = new Random(19);
        var latencies = new List<double>();
        for (var i = -WarmUp; i < Timed; i++)
        {
            var clock = Stopwatch.StartNew();
            var found = await http.GetStringAsync($"/scim/v2/Users?filter=userName%20eq%20%22seed{random.Next(people)}@acme.test%22");
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (!found.Contains("\"totalResults\":1", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("lookup missed");
            }
        }

        // In the order they ran, warm-up included: whether the process had settled before the timing.
        var windows = latencies.Chunk(1_000).Select(w => $"{Percentile(w, 0.5):F1}/{Percentile(w, 0.99):F1}");
        Console.WriteLine($"userName eq, p50/p99 of each 1,000 in turn (the first {WarmUp:N0} not timed): {string.Join(", ", windows)} ms");
        var timed = latencies.Skip(WarmUp).ToArray();
        Console.WriteLine($"userName eq, {Timed:N0} lookups at concurrency 1: p50 {Percentile(timed, 0.5):F1} ms, p99 {Percentile(timed, 0.99):F1} ms; load {Load()}");
    }

    private static double Percentile(double[] values, double rank) => values.Order().ElementAt((int)(values.Length * rank));

    /// <summary>d) The members page's first page (its default query), read through the service the page reads it with.</summary>
    private static async Task MembersFirstPageAsync(IServiceProvider services, DirectorySeeder.Directory directory)
    {
        var members = services.GetRequiredService<MemberDirectory>();
        var latencies = new List<double>();
        var total = 0;
        for (var i = -20; i < 200; i++)
        {
            var clock = Stopwatch.StartNew();
            var page = await members.GetPageAsync(directory.Acme, MemberTable.FirstQuery);
            if (i >= 0)
            {
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            total = page.TotalCount;
        }

        latencies.Sort();
        Console.WriteLine($"members page, first page of {total}: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms; "
            + $"load {Load()}");
    }

    /// <summary>
    /// b) Acme's Sync now applying a change to everyone: every seeded person deactivated in the IdP (each suspended;
    /// the bench lifts the mass-removal safeguard), then, in the next run, reactivated (each active again).
    /// </summary>
    private static async Task SyncNowRunsAsync(IServiceProvider services, DirectorySeeder.Directory directory, int people, int runs)
    {
        if (runs == 0)
        {
            return;
        }

        var sync = services.GetRequiredService<SyncNowService>();
        var contexts = services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>();
        var timings = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var active = run % 2 == 0;
            await using (var db = await contexts.CreateDbContextAsync())
            {
                db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                await db.DirectoryUsers.Where(u => u.ParentOrganizationId == directory.Parent && u.UserName.StartsWith("seed"))
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Active, active).SetProperty(x => x.DeactivatedAt, active ? null : DateTimeOffset.UtcNow));
            }

            var before = Environment.WorkingSet / (1024 * 1024);
            using var peak = new WorkingSetPeak();
            var clock = Stopwatch.StartNew();
            var outcome = await sync.SyncAsync(directory.Acme, directory.Owner);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine($"Sync now run {run}, {people} {(active ? "reactivated" : "deactivated")} in the IdP: {clock.Elapsed.TotalSeconds:F1} s, "
                + $"{outcome.Changed} changes{(outcome.Refusal is null ? "" : ", refused: " + outcome.Refusal)}; peak working set {peak.Stop() / (1024 * 1024)} MiB "
                + $"(from {before} MiB; {peak.Managed}); load {Load()}");
        }

        Console.WriteLine($"Sync now median: {Median(timings) / 1000:F1} s");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// The process's largest working set while it runs, sampled every 20 ms (PeakWorkingSet64 is the whole run's), and
    /// beside it the largest managed heap (live and not yet collected) and the GC's largest committed memory: what the
    /// app holds against what the GC keeps for it.
    /// </summary>
    private sealed class WorkingSetPeak : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;
        private long _heapPeak;
        private long _committedPeak;

        public WorkingSetPeak() => _sampling = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            long peak = 0;
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                _heapPeak = Math.Max(_heapPeak, GC.GetTotalMemory(forceFullCollection: false));
                _committedPeak = Math.Max(_committedPeak, GC.GetGCMemoryInfo().TotalCommittedBytes);
                await Task.Delay(20).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return peak;
        });

        /// <summary>The managed side of the peak, after <see cref="Stop"/>.</summary>
        public string Managed => $"managed heap peak {_heapPeak / (1024 * 1024)} MiB, GC committed peak {_committedPeak / (1024 * 1024)} MiB";

        public long Stop()
        {
            _stop.Cancel();
            return _sampling.GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
