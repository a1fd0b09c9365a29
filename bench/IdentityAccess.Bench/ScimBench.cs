// SCIM benchmark: the real endpoint on Kestrel (127.0.0.1) over a SQLite file, Acme's chat org in directory-sync mode.
// Prints figures; asserts nothing.
// Usage: dotnet run -c Release --project bench/IdentityAccess.Bench -- [created] [concurrency] [seeded] [walk] [warm-up] [mappings]
//   (or `-- saml ...` for the SSO sign-in benchmark, see SamlBench.cs; `-- pages ...` for the portal's pages, PagesBench.cs;
//   `-- bulk [users]` for /Bulk against single POSTs, ScimBulkBench.cs; `-- peers [users] [concurrency] [warm-up]` for the same
//   creates against scimmy and BoxyHQ Jackson, PeerBench.cs; `-- directory <people> [runs]` for issue 19's large directory on
//   PostgreSQL, DirectoryBench.cs)
//   created: users created through SCIM (the first [warm-up] of them not timed, default 200); seeded: people already
//   synced, written straight to the database first;
//   walk: 0 skips the paged walk of everyone (slow at 100k);
//   mappings: 1 runs directory sync with group mappings (the peers bench's settings, the SCIM goal's mode), 0 without.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityAccess.Bench;

internal static class ScimBench
{
    public static async Task Main(string[] args)
    {
        if (args.FirstOrDefault() == "saml")
        {
            await SamlBench.RunAsync(args[1..]);
            return;
        }

        if (args.FirstOrDefault() == "bulk")
        {
            await ScimBulkBench.RunAsync(args[1..]);
            return;
        }

        if (args.FirstOrDefault() == "peers")
        {
            await PeerBench.RunAsync(args[1..]);
            return;
        }

        if (args.FirstOrDefault() == "directory")
        {
            await DirectoryBench.RunAsync(args[1..]);
            return;
        }

        if (args.FirstOrDefault() == "pages")
        {
            await PagesBench.RunAsync(args[1..]);
            return;
        }

        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var users = Arg(0, 1000);
        var concurrency = Arg(1, 8);
        var seeded = Arg(2, 0);
        var walk = Arg(3, 1) != 0;
        // Creates not timed first: JIT tiering settles only after a few thousand requests (docs/performance.md).
        var warmUp = Arg(4, Math.Min(200, users / 5));
        var mappings = Arg(5, 0) != 0;
        Console.WriteLine($"SCIM bench: {seeded} people already synced, {users} created, concurrency {concurrency}, {BenchPortal.DatabaseLabel}, "
            + $"directory sync {(mappings ? "with" : "without")} group mappings, {Environment.ProcessorCount} cores");
        await using var portal = await BenchPortal.StartAsync(seeded, mappings ? PeerBench.DirectorySyncWithMappings : null);
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portal.Token);

        // 1. Creates per second at the given concurrency, after a warm-up (JIT, pools) that is not counted. The CPU
        //    time is the whole process's: the app, SQLite in it, and this client.
        var ids = new string[users];
        await CreateAsync(http, ids, 0, warmUp, concurrency);
        using var counters = new WriteCounters();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await CreateAsync(http, ids, warmUp, users, concurrency);
        var timed = users - warmUp;
        var (commands, batches) = counters.Read();
        Console.WriteLine($"creates: {timed / clock.Elapsed.TotalSeconds:F0}/s ({clock.Elapsed.TotalSeconds:F1} s for {timed} after {warmUp} not timed), "
            + $"{CpuMillisecondsSince(cpu) / timed:F1} ms CPU each; {(double)commands / timed:F1} EF commands per create, {(double)timed / Math.Max(1, batches):F1} creates per batch");

        // 1b. The floor under any SCIM request: authenticated userName lookups at the same concurrency.
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var lookups = Math.Min(2000, users);
        await RunConcurrentlyAsync(lookups, concurrency, i => http.GetStringAsync($"/scim/v2/Users?filter=userName%20eq%20%22bench{i}@acme.test%22"));
        Console.WriteLine($"lookups at concurrency {concurrency}: {lookups / clock.Elapsed.TotalSeconds:F0}/s, {CpuMillisecondsSince(cpu) / lookups:F1} ms CPU each");

        // 2. userName eq lookups, one at a time: latency percentiles.
        var latencies = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var sw = Stopwatch.StartNew();
            var userName = seeded > 0 && i % 2 == 0 ? $"SEED{Random.Shared.Next(seeded)}" : $"BENCH{Random.Shared.Next(users)}";
            var found = await http.GetStringAsync($"/scim/v2/Users?filter=userName%20eq%20%22{userName}@acme.test%22");
            latencies.Add(sw.Elapsed.TotalMilliseconds);
            if (!found.Contains("\"totalResults\":1", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("lookup missed");
            }
        }

        latencies.Sort();
        Console.WriteLine($"userName eq at {seeded + users + 8} users: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms");

        // 2b. Filters that no index serves (co on the email, or, not) and a sorted page: each scans the parent's users in SQL.
        foreach (var (label, query) in new[]
        {
            ("complex filter", "filter=" + Uri.EscapeDataString("emails[type eq \"work\" and value co \"bench1\"] or (name.familyName sw \"Zz\" and not (active eq true))") + "&count=10"),
            ("sortBy=userName page", "sortBy=userName&sortOrder=descending&startIndex=500&count=100"),
        })
        {
            var timings = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var sw = Stopwatch.StartNew();
                await http.GetStringAsync($"/scim/v2/Users?{query}");
                timings.Add(sw.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"{label} at {seeded + users + 8} users: p50 {timings[timings.Count / 2]:F1} ms, p99 {timings[(int)(timings.Count * 0.99)]:F1} ms");
        }

        // 3. One group PATCH adding up to 10,000 members (the created users, then already-synced ones). With mappings the
        //    group is the one mapped to Admin, so every member added is reconciled and promoted: a customer's first push.
        var groupBody = mappings ? """{"displayName":"bench-all","externalId":"bench-engineering"}""" : """{"displayName":"bench-all"}""";
        var group = JsonNode.Parse(await (await http.PostAsync("/scim/v2/Groups", new StringContent(groupBody, Encoding.UTF8, "application/scim+json"))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var memberIds = ids.Concat(await portal.SeededDirectoryUserIdsAsync(Math.Max(0, 10_000 - ids.Length))).Take(10_000).ToList();
        var members = string.Join(",", memberIds.Select(id => $$"""{"value":"{{id}}"}"""));
        // Untimed: one PATCH of one member to another group first, so the timed one does not include compiling its queries.
        var warm = JsonNode.Parse(await (await http.PostAsync("/scim/v2/Groups", new StringContent("""{"displayName":"bench-warm-up"}""", Encoding.UTF8, "application/scim+json"))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        (await http.PatchAsync($"/scim/v2/Groups/{warm}", new StringContent($$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{memberIds[0]}}"}]}]}""", Encoding.UTF8, "application/scim+json"))).EnsureSuccessStatusCode();
        using var patchCounters = new WriteCounters();
        clock.Restart();
        var patch = await http.PatchAsync($"/scim/v2/Groups/{group}", new StringContent($$"""{"Operations":[{"op":"add","path":"members","value":[{{members}}]}]}""", Encoding.UTF8, "application/scim+json"));
        Console.WriteLine($"group PATCH adding {memberIds.Count} members: {clock.Elapsed.TotalMilliseconds:F0} ms ({(int)patch.StatusCode}), {patchCounters.Read().Commands} EF commands");

        // 4. Sync now: a full reconcile with nothing to change, then one that applies a change to every seeded person.
        if (seeded > 0)
        {
            await portal.SyncNowAsync(seeded);
        }

        // 5. Paged walk at count=100.
        if (!walk)
        {
            Console.WriteLine($"process working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
            return;
        }

        clock.Restart();
        var seen = 0;
        for (var start = 1; ; start += 100)
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"/scim/v2/Users?startIndex={start}&count=100"))!;
            var n = page["itemsPerPage"]!.GetValue<int>();
            seen += n;
            if (n == 0)
            {
                break;
            }
        }

        Console.WriteLine($"paged walk (count=100): {seen} users in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"process working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
    }

    /// <summary>POSTs users from..to; <paramref name="usersUri"/> lets the peers bench aim the same client at another server.</summary>
    internal static Task CreateAsync(HttpClient http, string[] ids, int from, int to, int concurrency, string usersUri = "/scim/v2/Users", List<double>? latencies = null) =>
        RunConcurrentlyAsync(to - from, concurrency, async n =>
        {
            var i = from + n;
            var body = $$"""{"userName":"bench{{i}}@acme.test","displayName":"Bench {{i}}","active":true}""";
            var clock = Stopwatch.StartNew();
            var response = await http.PostAsync(usersUri, new StringContent(body, Encoding.UTF8, "application/scim+json"));
            if (latencies is not null)
            {
                lock (latencies)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"create {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            ids[i] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        });

    internal static async Task RunConcurrentlyAsync(int count, int concurrency, Func<int, Task> work)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await work(i);
            }
        }));
    }

    internal static double CpuMillisecondsSince(TimeSpan start) => (Process.GetCurrentProcess().TotalProcessorTime - start).TotalMilliseconds;
}
