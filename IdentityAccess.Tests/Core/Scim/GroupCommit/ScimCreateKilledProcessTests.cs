using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IdentityAccess.Tests.Core.Scim.GroupCommit;

/// <summary>
/// The group-commit writer under a kill: the portal runs in a process of its own while eight clients create users as
/// fast as it answers (so batches of several creates are being written), and the process is killed (SIGKILL) with
/// requests in flight. Restarted on the same database, every create that was answered 201 is there, every user there is
/// whole (person, membership, its audit entry, the seat it holds counted), and the creates that got no answer, sent
/// again as an IdP retries them, are each either created or refused as existing, never both and never twice.
/// </summary>
public abstract class ScimCreateKilledProcessTests(Func<TestDatabase> newDatabase, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 8;
    private const int AnsweredBeforeTheKill = 150;
    private readonly TestDatabase _database = newDatabase();
    private DemoData _demo = default!;
    private Guid _parentId;
    private string _secret = "";

    public async Task InitializeAsync()
    {
        // Set up by an app in this process (migrations, the demo, Acme's chat in directory sync, seats, a token), then
        // stopped: from here on the database belongs to the process the test kills.
        await using var setUp = new IdentityAccessWebFactory(_database);
        _ = setUp.Server;
        await using (var db = await setUp.CreateDbContextAsync())
        {
            _demo = await DemoData.LoadAsync(db);
            _parentId = _demo.AcmeParent;
            await db.SeatPools.Where(p => p.OrganizationId == _demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 100_000));
        }

        var saved = await setUp.Services.GetRequiredService<ProvisioningSettingsService>().SaveAsync(_demo.AcmeChat,
            ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim }, _demo.Person("alice@acme.test"), null);
        Assert.Empty(saved.Errors);
        var (token, refused) = await setUp.Services.GetRequiredService<ScimTokenService>().GenerateAsync(_parentId, new AuditActor(null, "test"));
        Assert.Null(refused);
        _secret = token!.Secret;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Killed_mid_batch_it_loses_no_answered_create_and_leaves_no_half_written_one()
    {
        var answered = new ConcurrentDictionary<string, string>(); // userName → the id the 201 gave
        var unanswered = new ConcurrentBag<string>();
        var inFlightAtKill = 0;
        await using (var app = await PortalProcess.StartAsync(_database))
        {
            using var client = WithToken(app.CreateClient());
            var inFlight = 0;
            var next = -1;
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    var userName = $"crash{Interlocked.Increment(ref next)}@acme.test";
                    Interlocked.Increment(ref inFlight);
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.PostAsync("/scim/v2/Users", AcmeScimDirectory.Scim(Body(userName)));
                    }
                    catch (HttpRequestException)
                    {
                        unanswered.Add(userName); // the process died with it sent, or before it could be
                        return;
                    }

                    Interlocked.Decrement(ref inFlight);
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    answered[userName] = (await AcmeScimDirectory.BodyAsync(response))["id"]!.GetValue<string>();
                }
            })).ToList();

            while (answered.Count < AnsweredBeforeTheKill)
            {
                Assert.DoesNotContain(clients, c => c.IsFaulted);
                await Task.Delay(5);
            }

            inFlightAtKill = Volatile.Read(ref inFlight);
            await app.KillAsync();
            await Task.WhenAll(clients);
        }

        Assert.True(inFlightAtKill > 0, "the kill found no create in flight: it proves nothing about a batch being written");

        // The app again, on what the kill left.
        await using var restarted = new IdentityAccessWebFactory(_database);
        _ = restarted.Server;
        var before = await CrashUsersAsync(restarted);
        foreach (var (userName, id) in answered)
        {
            Assert.True(before.TryGetValue(userName, out var stored), $"{userName} was answered 201 and is gone");
            Assert.Equal(id, stored.ToString());
        }

        await AssertEveryUserIsWholeAsync(restarted, before.Count);
        output.WriteLine($"{answered.Count} answered, {inFlightAtKill} in flight at the kill, {unanswered.Count} unanswered "
            + $"of which {unanswered.Count(before.ContainsKey)} had been written");

        // The IdP sends again what got no answer: created now, or refused as the user the batch had written.
        using var retry = WithToken(restarted.CreateClient());
        foreach (var userName in unanswered)
        {
            var response = await retry.PostAsync("/scim/v2/Users", AcmeScimDirectory.Scim(Body(userName)));
            var expected = before.ContainsKey(userName) ? HttpStatusCode.Conflict : HttpStatusCode.Created;
            Assert.True(expected == response.StatusCode, $"{userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var after = await CrashUsersAsync(restarted);
        Assert.Equal(answered.Keys.Concat(unanswered).Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        await AssertEveryUserIsWholeAsync(restarted, after.Count);
    }

    private static string Body(string userName) => new JsonObject { ["userName"] = userName, ["displayName"] = userName, ["active"] = true }.ToJsonString();

    private HttpClient WithToken(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _secret);
        return client;
    }

    private async Task<Dictionary<string, Guid>> CrashUsersAsync(IdentityAccessWebFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _parentId && u.UserName.StartsWith("crash"))
            .ToDictionaryAsync(u => u.UserName, u => u.Id);
    }

    /// <summary>Each directory user the kill left has its person, one active membership in Acme's chat with its audit entry, and the counters agree.</summary>
    private async Task AssertEveryUserIsWholeAsync(IdentityAccessWebFactory app, int users)
    {
        await using var db = await app.CreateDbContextAsync();
        var people = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _parentId && u.UserName.StartsWith("crash"))
            .Select(u => new
            {
                u.UserName,
                Person = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Email).FirstOrDefault(),
                Memberships = db.Memberships.Count(m => m.PersonId == u.PersonId && m.OrganizationId == _demo.AcmeChat && m.Status == MembershipStatus.Active),
                Audited = db.AuditEvents.Count(a => a.OrganizationId == _demo.AcmeChat && a.Target == u.UserName && a.Action.StartsWith("membership.")),
            })
            .ToListAsync();
        Assert.Equal(users, people.Count);
        Assert.All(people, p =>
        {
            Assert.Equal(p.UserName, p.Person);
            Assert.Equal(1, p.Memberships);
            Assert.True(p.Audited > 0, $"{p.UserName} is a member without an audit entry");
        });
        Assert.Equal(users, await db.People.CountAsync(p => p.Email.StartsWith("crash")));
        await SeatCounters.AssertMatchCountAsync(db);
    }
}

public sealed class SqliteScimCreateKilledProcessTests(ITestOutputHelper output) : ScimCreateKilledProcessTests(() => new SqliteFileTestDatabase(), output);

[Trait("Category", "Postgres")]
public sealed class PostgresScimCreateKilledProcessTests(ITestOutputHelper output) : ScimCreateKilledProcessTests(() => new PostgresTestDatabase(), output);
