// Peers in the same run: the same SCIM create client (ScimBench.CreateAsync) against this portal and two peer SCIM
// servers from bench/peers, one after the other: scimmy + scimmy-routers (in memory) and BoxyHQ Jackson's directory
// sync (PostgreSQL). Prints figures; asserts nothing.
// Usage: dotnet run -c Release --project bench/IdentityAccess.Bench -- peers [users] [concurrency] [warm-up]
//   IA_BENCH_PEERS_POSTGRES: the PostgreSQL server for Jackson (Npgsql form; default Host=127.0.0.1;Port=55433;Username=postgres).
using System.Diagnostics;
using System.Net.Http.Headers;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using Npgsql;

namespace IdentityAccess.Bench;

internal static class PeerBench
{
    public const string PostgresVariable = "IA_BENCH_PEERS_POSTGRES";

    // Directory-sync mode with group mappings, so the portal pays for its rule engine on every create; the demo owner
    // keeps Owner through a mapping, otherwise the save guard refuses the lockout (as in SamlBench).
    internal static readonly ProvisioningDraft DirectorySyncWithMappings = new(ProvisioningMode.Scim, true,
        [new RoleMapping("bench-engineering", Role.Admin), new RoleMapping("6f1c2a9e-0001-4c1e-9a10-acme00000001", Role.Owner)], [], null, 1);

    public static async Task RunAsync(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var users = Arg(0, 2000);
        var concurrency = Arg(1, 8);
        var warmUp = Arg(2, Math.Min(200, users / 5)); // the portal settles after a few thousand requests (JIT tiering)
        Console.WriteLine($"SCIM create bench, peers in the same run: {users} users, concurrency {concurrency}, {Environment.ProcessorCount} cores");

        await PeerProcess.EnsureInstalledAsync();
        await using var scimmy = await PeerProcess.StartAsync("scimmy-server.mjs");
        // No anonymous analytics calls out of Jackson during the run.
        await using var jackson = await PeerProcess.StartAsync("jackson-server.mjs",
            new Dictionary<string, string> { ["JACKSON_POSTGRES_URL"] = JacksonServerUrl(), ["DO_NOT_TRACK"] = "1", ["BOXYHQ_NO_ANALYTICS"] = "1" });
        await using var portal = await BenchPortal.StartAsync(0, DirectorySyncWithMappings);

        var portalCpu = () => Process.GetCurrentProcess().TotalProcessorTime;
        await MeasureAsync($"IdentityAccess ({BenchPortal.DatabaseLabel}, directory sync + mappings)", portal.BaseUrl + "/scim/v2", portal.Token, users, concurrency, warmUp, portalCpu);
        await MeasureAsync("scimmy 1.3 (in memory)", scimmy.BaseUrl, scimmy.Token, users, concurrency, warmUp, () => scimmy.ProcessorTime);
        await MeasureAsync("BoxyHQ Jackson 26 (PostgreSQL)", jackson.BaseUrl, jackson.Token, users, concurrency, warmUp, () => jackson.ProcessorTime);
        Console.WriteLine("CPU/create: the portal's whole process (app, database engine in it, and this client); a peer's node process only (not PostgreSQL's).");
    }

    private static async Task MeasureAsync(string label, string baseUrl, string token, int users, int concurrency, int warmUp, Func<TimeSpan> cpuTime)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var usersUri = baseUrl + "/Users";
        var ids = new string[users];
        await ScimBench.CreateAsync(http, ids, 0, warmUp, concurrency, usersUri); // JIT, pools, caches: not timed
        var latencies = new List<double>(users);
        var cpu = cpuTime();
        var clock = Stopwatch.StartNew();
        await ScimBench.CreateAsync(http, ids, warmUp, users, concurrency, usersUri, latencies);
        var elapsed = clock.Elapsed;
        var cpuEach = (cpuTime() - cpu).TotalMilliseconds / latencies.Count;
        await CheckLookupAsync(http, usersUri, users - 1, ids[users - 1]);
        latencies.Sort();
        Console.WriteLine($"{label}: {latencies.Count / elapsed.TotalSeconds:F0} creates/s, p50 {latencies[latencies.Count / 2]:F1} ms, "
            + $"p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms, {cpuEach:F1} ms CPU/create");
    }

    // Proof that the server really kept what it answered 201 for: the last user is found by userName eq.
    private static async Task CheckLookupAsync(HttpClient http, string usersUri, int i, string id)
    {
        var found = await http.GetStringAsync($"{usersUri}?filter={Uri.EscapeDataString($"userName eq \"bench{i}@acme.test\"")}");
        if (!found.Contains(id, StringComparison.Ordinal) || !found.Contains("\"totalResults\":1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{usersUri}: lookup of bench{i} did not return it: {found}");
        }
    }

    private static string JacksonServerUrl()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value : "Host=127.0.0.1;Port=55433;Username=postgres");
        var password = string.IsNullOrEmpty(server.Password) ? "" : ":" + Uri.EscapeDataString(server.Password);
        return $"postgres://{Uri.EscapeDataString(server.Username ?? "postgres")}{password}@{server.Host}:{server.Port}";
    }
}
