// /Bulk benchmark: 1,000 user creates as one Bulk request against 1,000 single POSTs (one at a time, and at concurrency 8),
// on the real endpoint over Kestrel and a SQLite file (or PostgreSQL, see BenchPortal). Prints figures; asserts nothing.
// Usage: dotnet run -c Release --project bench/IdentityAccess.Bench -- bulk [users]
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdentityAccess.Bench;

internal static class ScimBulkBench
{
    public static async Task RunAsync(string[] args)
    {
        var users = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        Console.WriteLine($"SCIM Bulk bench: {users} creates, {BenchPortal.DatabaseLabel}, {Environment.ProcessorCount} cores");
        await using var portal = await BenchPortal.StartAsync(0);
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portal.Token);

        await PostUsersAsync(http, "warm", 100, 8); // JIT and pools, not timed
        var clock = Stopwatch.StartNew();
        await PostUsersAsync(http, "one", users, 1);
        Console.WriteLine($"{users} single POSTs one at a time: {clock.Elapsed.TotalSeconds:F1} s ({users / clock.Elapsed.TotalSeconds:F0}/s)");
        clock.Restart();
        await PostUsersAsync(http, "eight", users, 8);
        Console.WriteLine($"{users} single POSTs at concurrency 8: {clock.Elapsed.TotalSeconds:F1} s ({users / clock.Elapsed.TotalSeconds:F0}/s)");

        var operations = string.Join(",", Enumerable.Range(0, users).Select(i =>
            $$$"""{"method":"POST","path":"/Users","bulkId":"b{{{i}}}","data":{"userName":"bulk{{{i}}}@acme.test","displayName":"Bulk {{{i}}}","active":true}}"""));
        clock.Restart();
        var response = await http.PostAsync("/scim/v2/Bulk", new StringContent($$"""{"Operations":[{{operations}}]}""", Encoding.UTF8, "application/scim+json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var created = body["Operations"]?.AsArray().Count(o => o!["status"]!.GetValue<string>() == "201") ?? 0;
        Console.WriteLine($"one Bulk of {users} creates: {clock.Elapsed.TotalSeconds:F1} s ({users / clock.Elapsed.TotalSeconds:F0}/s), {(int)response.StatusCode}, {created} created");
    }

    private static async Task PostUsersAsync(HttpClient http, string prefix, int count, int concurrency)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var body = $$"""{"userName":"{{prefix}}{{i}}@acme.test","displayName":"Single {{i}}","active":true}""";
                var response = await http.PostAsync("/scim/v2/Users", new StringContent(body, Encoding.UTF8, "application/scim+json"));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"create {prefix}{i}: {(int)response.StatusCode}");
                }
            }
        }));
    }
}
