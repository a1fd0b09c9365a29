using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Deployment;

/// <summary>
/// The deployment that outgrows one machine: two app instances on Kestrel (two ports on 127.0.0.1) over one real
/// PostgreSQL database. SCIM writes hit both at once while one runs Sync now; nothing may be lost, doubled or 5xx.
/// </summary>
[Trait("Category", "Postgres")]
public sealed partial class TwoInstancesOnPostgresTests : IAsyncLifetime
{
    private const int UsersPerInstance = 30;
    private readonly PostgresTestDatabase _database = new();
    private readonly string _certificateFolder = Directory.CreateTempSubdirectory("ia-two-instances-").FullName;
    private string _certificate = "";
    private IdentityAccessWebFactory _first = default!;
    private IdentityAccessWebFactory _second = default!;
    private DemoData _demo = default!;
    private Guid _acme;

    public async Task InitializeAsync()
    {
        // Every instance is given the same certificate: the Data Protection keys are kept in the database, encrypted with it.
        _certificate = TestCertificates.WritePfx(_certificateFolder, "identityaccess-keys");
        // Instances start one after the other, as a rolling deploy does: the first migrates and seeds.
        _first = Start();
        _second = Start();
        await using var db = await _first.CreateDbContextAsync();
        _demo = await DemoData.LoadAsync(db);
        _acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        await db.SeatPools.Where(p => p.OrganizationId == _demo.AcmeChat).ExecuteUpdateAsync(u => u.SetProperty(p => p.Purchased, 1000));
        var saved = await _first.Services.GetRequiredService<ProvisioningSettingsService>().SaveAsync(_demo.AcmeChat,
            ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim }, _demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_certificateFolder, recursive: true);
    }

    [Fact]
    public async Task ConcurrentScimWritesToBothInstances_WithSyncNowOnOne_LoseNothingDuplicateNobodyAndNever5xx()
    {
        var token = await TokenAsync();
        using var first = Client(_first, token);
        using var second = Client(_second, token);
        var group = (await BodyAsync(await first.PostAsync("/scim/v2/Groups", Scim("""{"displayName":"everyone"}"""))))["id"]!.GetValue<string>();
        var statuses = new ConcurrentBag<HttpStatusCode>();

        async Task WriteAsync(HttpClient client, string instance)
        {
            for (var i = 0; i < UsersPerInstance; i++)
            {
                var created = await client.PostAsync("/scim/v2/Users", Scim($$"""{"userName":"{{instance}}{{i}}@acme.test","displayName":"{{instance}} {{i}}","active":true}"""));
                statuses.Add(created.StatusCode);
                if (created.StatusCode == HttpStatusCode.Created)
                {
                    var id = (await BodyAsync(created))["id"]!.GetValue<string>();
                    var added = await client.PatchAsync($"/scim/v2/Groups/{group}",
                        Scim($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]}"""));
                    statuses.Add(added.StatusCode);
                }
            }
        }

        // The same person pushed to both instances at once, as two IdP workers racing can: one wins, the other hears 409.
        async Task RaceAsync(HttpClient client) =>
            statuses.Add((await client.PostAsync("/scim/v2/Users", Scim("""{"userName":"twice@acme.test","displayName":"Twice","active":true}"""))).StatusCode);

        async Task SyncNowAsync()
        {
            await Task.Delay(50);
            Assert.Null((await _first.Services.GetRequiredService<SyncNowService>().SyncAsync(_demo.AcmeChat, Owner.PersonId!.Value)).Refusal);
        }

        await Task.WhenAll(WriteAsync(first, "a"), WriteAsync(second, "b"), WriteAsync(first, "c"), WriteAsync(second, "d"),
            RaceAsync(first), RaceAsync(second), SyncNowAsync());

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Conflict)); // only the race's loser
        await using var db = await _first.CreateDbContextAsync();
        var pushed = (await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _acme).Select(u => u.UserName).ToListAsync())
            .Where(name => PushedUserName().IsMatch(name)).ToList();
        Assert.Equal(4 * UsersPerInstance + 1, pushed.Count);
        Assert.Equal(pushed.Count, pushed.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var people = await db.People.Where(p => pushed.Contains(p.Email)).CountAsync();
        Assert.Equal(pushed.Count, people); // one person each: none missing, none doubled
        var active = await db.Memberships.CountAsync(m => m.OrganizationId == _demo.AcmeChat && pushed.Contains(m.Person!.Email) && m.Status == MembershipStatus.Active);
        Assert.Equal(pushed.Count, active);
        Assert.Equal(4 * UsersPerInstance, await db.DirectoryGroupMembers.CountAsync(m => m.GroupId == Guid.Parse(group)));
        // And a full reconcile afterwards finds nothing left to do: the scoped ones kept up.
        Assert.Equal(new SyncNowOutcome(MembershipChangeCounts.None, null), await _second.Services.GetRequiredService<SyncNowService>().SyncAsync(_demo.AcmeChat, Owner.PersonId!.Value));
    }

    [Fact]
    public async Task WhatOneInstanceProtects_TheOtherReads_SoSessionsAndFormsSurviveTheLoadBalancer()
    {
        var secret = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a session");
        Assert.Equal("a session", _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));

        // A real form: the sign-in page's antiforgery token and cookie come from the first instance, the post goes to the second.
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseUrl(_first) };
        using var second = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseUrl(_second) };
        var page = await first.GetStringAsync("/sign-in");
        var token = AntiforgeryToken().Match(page).Groups["token"].Value;
        foreach (var cookie in cookies.GetCookies(BaseUrl(_first)).Cast<Cookie>())
        {
            cookies.Add(BaseUrl(_second), new Cookie(cookie.Name, cookie.Value, "/")); // same host name behind a load balancer
        }

        var posted = await second.PostAsync("/sso/start", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("email", "someone@nowhere.example"), new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode); // accepted: no SSO for that domain, so a sign-in link is on its way
        Assert.Contains("/sign-in/link-sent", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = await _first.CreateDbContextAsync();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal)); // never in plain text
    }

    private AuditActor Owner => new(_demo.Person("alice@acme.test"), "Alice");

    private IdentityAccessWebFactory Start()
    {
        var factory = new IdentityAccessWebFactory(_database, useTestAuth: false, settings: new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = _certificate,
            ["DataProtection:Certificate:Password"] = TestCertificates.Password,
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private static Uri BaseUrl(IdentityAccessWebFactory factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    private static HttpClient Client(IdentityAccessWebFactory factory, string token)
    {
        var client = new HttpClient { BaseAddress = BaseUrl(factory) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> TokenAsync() =>
        (await _first.Services.GetRequiredService<ScimTokenService>().GenerateAsync(_acme, new AuditActor(null, "test"))).Token!.Secret;

    private static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [GeneratedRegex("^([abcd][0-9]+|twice)@acme\\.test$")]
    private static partial Regex PushedUserName();

    [GeneratedRegex("""data-testid="sso-email-step".*?name="__RequestVerificationToken" value="(?<token>[^"]+)""", RegexOptions.Singleline)]
    private static partial Regex AntiforgeryToken();
}
