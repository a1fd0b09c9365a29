// SCIM benchmark: the real endpoint on Kestrel (127.0.0.1) over a SQLite file, Acme's chat org in directory-sync mode.
// Prints figures; asserts nothing. Usage: dotnet run -c Release --project bench/IdentityAccess.Bench -- [users] [concurrency]
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
        var users = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
        await using var portal = await BenchPortal.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portal.Token);
        Console.WriteLine($"SCIM bench: {users} users, concurrency {concurrency}, SQLite file, {Environment.ProcessorCount} cores");

        // 1. Creates per second at the given concurrency.
        var ids = new string[users];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < users; i = Interlocked.Increment(ref next))
            {
                var body = $$"""{"userName":"bench{{i}}@acme.test","displayName":"Bench {{i}}","active":true}""";
                var response = await http.PostAsync("/scim/v2/Users", new StringContent(body, Encoding.UTF8, "application/scim+json"));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"create {i}: {(int)response.StatusCode}");
                }

                ids[i] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            }
        }));
        Console.WriteLine($"creates: {users / clock.Elapsed.TotalSeconds:F0}/s ({clock.Elapsed.TotalSeconds:F1} s for {users})");

        // 2. userName eq lookups, one at a time: latency percentiles.
        var latencies = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var sw = Stopwatch.StartNew();
            var found = await http.GetStringAsync($"/scim/v2/Users?filter=userName%20eq%20%22BENCH{Random.Shared.Next(users)}@acme.test%22");
            latencies.Add(sw.Elapsed.TotalMilliseconds);
            if (!found.Contains("\"totalResults\":1", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("lookup missed");
            }
        }

        latencies.Sort();
        Console.WriteLine($"userName eq at {users + 8} users: p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms");

        // 3. One group PATCH adding every created user.
        var group = JsonNode.Parse(await (await http.PostAsync("/scim/v2/Groups", new StringContent("""{"displayName":"bench-all"}""", Encoding.UTF8, "application/scim+json"))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var members = string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}"""));
        clock.Restart();
        var patch = await http.PatchAsync($"/scim/v2/Groups/{group}", new StringContent($$"""{"Operations":[{"op":"add","path":"members","value":[{{members}}]}]}""", Encoding.UTF8, "application/scim+json"));
        Console.WriteLine($"group PATCH adding {users} members: {clock.Elapsed.TotalMilliseconds:F0} ms ({(int)patch.StatusCode})");

        // 4. Paged walk at count=100.
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
}
