// SSO sign-in benchmark: SP-initiated logins through the real endpoints on Kestrel (127.0.0.1) over a SQLite file.
// Acme's chat organization provisions just in time with group mappings; the bench plays the built-in demo IdP (its
// key and metadata, imported like an owner would) and times the ACS: validation of the signed Response, JIT provisioning
// through the rule engine, and the session cookie. Prints figures; asserts nothing.
// Usage: dotnet run -c Release --project bench/IdentityAccess.Bench -- saml [logins] [seeded] [concurrency]
using System.Diagnostics;
using System.Net;
using System.Web;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Saml;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.DemoIdp;
using IdentityAccess.DemoIdp.Saml;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Bench;

internal static class SamlBench
{
    // Warm-up, not timed, as in the SCIM bench: the first sign-ins of a process compile its code paths (tiered JIT
    // with its instrumented tier) and fill the connection pool. Timed at the server, a sign-in took 18-21 ms over
    // the first 600 and 8-9 ms from about the 700th on (SQLite, 2 cores), so a long-running server's figure needs
    // this many. Other people than the timed ones, so each timed first sign-in is a real first.
    private const int WarmUp = 1000;

    private const string Engineering = "bench-engineering";
    private const string DemoOwners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";

    public static async Task RunAsync(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var logins = Arg(0, 500);
        var seeded = Arg(1, 0);
        var concurrency = Arg(2, 1);
        Console.WriteLine($"SAML bench: {logins} new people then {logins} returning (after {WarmUp} not timed), {seeded} members already, concurrency {concurrency}, {BenchPortal.DatabaseLabel}, {Environment.ProcessorCount} cores");

        // The demo's owner keeps Owner through a mapping: otherwise the save guard refuses the lockout.
        var jit = new ProvisioningDraft(ProvisioningMode.Jit, true, [new RoleMapping(Engineering, Role.Admin), new RoleMapping(DemoOwners, Role.Owner)], [], null, 1);
        await using var portal = await BenchPortal.StartAsync(seeded, jit);
        using var idpKey = await portal.Services.GetRequiredService<DemoIdpKeyStore>().GetOrCreateAsync();
        var connections = portal.Services.GetRequiredService<SamlConnectionService>();
        var owner = new AuditActor(portal.Acme.Owner, "bench");
        var metadata = DemoIdpMetadata.Write(DemoIdentityProvider.SsoUrl(new Uri(portal.BaseUrl), "acme.test"), idpKey);
        // The demo IdP sends group ids (DemoIdpAttributes), not the names Okta sends.
        Check(await connections.ImportForParentAsync(portal.Acme.Parent, metadata, SamlAttributePreset.Okta, owner,
            SamlAttributePresets.Names(SamlAttributePreset.Okta) with { GroupsFormat = IdentityAccess.Core.Saml.SamlGroupsFormat.Ids }));
        Check(await connections.SetEnabledForParentAsync(portal.Acme.Parent, true, owner));
        var signer = new SamlResponseSigner(idpKey);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(portal.BaseUrl) };
        using var counters = new WriteCounters();

        for (var i = 0; i < WarmUp; i++)
        {
            await SignInAsync(http, portal.Acme.Parent, signer, logins + i, 0, counters);
        }

        foreach (var (label, round) in new[] { ("first sign-in (JIT provisions)", 0), ("returning sign-in (role recomputed)", 1) })
        {
            var latencies = new double[logins];
            var commands = new long[logins];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < logins; i = Interlocked.Increment(ref next))
                {
                    (latencies[i], commands[i]) = await SignInAsync(http, portal.Acme.Parent, signer, i, round, counters);
                }
            }));
            var wall = clock.Elapsed;
            // In the order they ran: whether the process (and the database server) had settled before the timing.
            var windows = latencies.Chunk(250).Select(w => w.Order().ElementAt(w.Length / 2).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Array.Sort(latencies);
            Console.WriteLine($"{label}: ACS p50 {latencies[logins / 2]:F1} ms, p99 {latencies[(int)(logins * 0.99)]:F1} ms; {logins / wall.TotalSeconds:F0} logins/s end to end");
            Console.WriteLine($"  p50 of each 250 in turn: {string.Join(", ", windows)} ms");
            // Exact per sign-in at concurrency 1; with more, a sign-in also counts the others' commands that ran meanwhile.
            Console.WriteLine($"  EF commands per ACS request: {commands.Average():F1} (min {commands.Min()}, max {commands.Max()})");
        }

        Console.WriteLine($"process working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
    }

    /// <summary>One login: start (not timed), the IdP signs (not timed), the ACS POST (timed, with the EF commands run meanwhile).</summary>
    private static async Task<(double Milliseconds, long Commands)> SignInAsync(HttpClient http, Guid parent, SamlResponseSigner signer, int person, int round,
        WriteCounters counters)
    {
        var start = await http.GetAsync($"/sso/{parent}?returnUrl=/");
        var query = HttpUtility.ParseQueryString(start.Headers.Location!.Query);
        var cookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ia.saml=", StringComparison.Ordinal));
        var response = signer.CreateBase64(new SamlResponseContent
        {
            Issuer = DemoIdentityProvider.EntityId,
            NameId = $"bench-subject-{person}",
            Audience = "urn:identityaccess:sp",
            Destination = new Uri(http.BaseAddress!, "/saml/acs"), // the ACS as the app sees it: no public base URL is configured here
            InResponseTo = DemoIdpAuthnRequest.Read(query["SAMLRequest"]).Request!.Id,
            IssueInstant = DateTimeOffset.UtcNow,
            Attributes = new Dictionary<string, IReadOnlyList<string>>
            {
                ["email"] = [$"bench{person}@acme.test"],
                ["displayName"] = [$"Bench {person}"],
                ["groups"] = round == 0 || person % 2 == 0 ? [Engineering] : ["bench-unmapped"],
            },
        });
        using var acs = new HttpRequestMessage(HttpMethod.Post, "/saml/acs")
        {
            Content = new FormUrlEncodedContent([new("SAMLResponse", response), new("RelayState", query["RelayState"]!)]),
        };
        acs.Headers.Add("Cookie", cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
        var commandsBefore = counters.Read().Commands;
        var clock = Stopwatch.StartNew();
        var answer = await http.SendAsync(acs);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var commands = counters.Read().Commands - commandsBefore;
        var expected = round == 0 || person % 2 == 0 ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden; // odd people lose their group
        if (answer.StatusCode != expected)
        {
            throw new InvalidOperationException($"login {person} round {round}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        return (elapsed, commands);
    }

    private static void Check(IdentityAccess.Core.Common.Error? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }
    }
}
