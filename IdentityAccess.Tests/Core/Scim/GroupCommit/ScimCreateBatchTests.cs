using System.Text.Json.Nodes;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Core.Scim.GroupCommit;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Scim.GroupCommit;

/// <summary>
/// The group-commit writer of SCIM creates: a batch answers each request with its own outcome, writes nothing of a batch
/// that fails (each request then runs alone), and writes exactly what the same creates one at a time would. Acme's chat
/// organization in directory sync without mappings, with two Premium seats and one Standard, so that creates provision
/// members, fill the seats in arrival order and leave the rest pending.
/// </summary>
public abstract class ScimCreateBatchTests(Func<PortalFixture> newPortal) : IAsyncLifetime
{
    private readonly PortalFixture _portal = newPortal();
    private Guid _parentId;

    public async Task InitializeAsync() => _parentId = await SetUpAsync(_portal);

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Each_request_gets_its_own_outcome_and_a_refused_one_fails_no_other()
    {
        var existing = await _portal.Factory.Services.GetRequiredService<ScimUserService>().CreateAsync(_parentId, User("existing@acme.test"), "http://test/scim/v2");
        var requests = new[]
        {
            Request("ann@acme.test"),
            Request("hank@globex.test"), // another tenant's domain: 400, as alone
            Request("EXISTING@acme.test"), // a user the directory has: 409 naming it
            Request("ben@acme.test"),
            Request("Ann@acme.test"), // the batch's own first create took it: 409 naming that one
            Request(await PersonOutsideTheDirectoryAsync()), // already a person: linking is the single path's
        };

        await Batch(_portal).WriteAsync(_parentId, requests);

        var outcomes = await Task.WhenAll(requests.Select(r => r.Answer));
        var ann = Assert.IsType<ScimCreateOutcome.Created>(outcomes[0]).Resource["id"]!.GetValue<string>();
        Assert.Equal(400, Assert.IsType<ScimCreateOutcome.Refused>(outcomes[1]).Error.Status);
        var duplicate = Assert.IsType<ScimCreateOutcome.Refused>(outcomes[2]).Error;
        Assert.Equal((409, "uniqueness"), (duplicate.Status, duplicate.ScimType));
        Assert.Contains(existing["id"]!.GetValue<string>(), duplicate.Message, StringComparison.Ordinal);
        Assert.IsType<ScimCreateOutcome.Created>(outcomes[3]);
        var sameBatch = Assert.IsType<ScimCreateOutcome.Refused>(outcomes[4]).Error;
        Assert.Equal(409, sameBatch.Status);
        Assert.Contains(ann, sameBatch.Message, StringComparison.Ordinal);
        Assert.IsType<ScimCreateOutcome.RunAlone>(outcomes[5]);

        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(["ann@acme.test", "ben@acme.test", "existing@acme.test"], await UserNamesAsync("ann@acme.test", "hank@globex.test", "ben@acme.test", "existing@acme.test"));
    }

    [Fact]
    public async Task Each_request_log_row_says_what_its_own_create_did()
    {
        using var annLog = ProvisioningLogScope.Begin();
        var ann = Request("ann@acme.test", annLog);
        using var benLog = ProvisioningLogScope.Begin();
        var ben = Request("ben@acme.test", benLog, active: false);

        await Batch(_portal).WriteAsync(_parentId, [ann, ben]);

        await using var db = await _portal.Factory.CreateDbContextAsync();
        var changes = await db.AuditEvents.CountAsync(a => a.Target == "ann@acme.test" && a.Action.StartsWith("membership."));
        Assert.True(changes > 0);
        Assert.Equal($"Created user ann@acme.test; {changes} membership change{(changes == 1 ? "" : "s")}", annLog.Summary);
        Assert.Equal("Created user ben@acme.test (inactive)", benLog.Summary); // an inactive user is provisioned nowhere
    }

    [Fact]
    public async Task A_request_cancelled_while_it_waited_is_not_written()
    {
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();
        var queue = _portal.Factory.Services.GetRequiredService<ScimCreateQueue>();

        var answer = queue.SubmitAsync(_parentId, Request("ann@acme.test", cancellationToken: gaveUp.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.False(await db.DirectoryUsers.AnyAsync(u => u.UserName == "ann@acme.test"));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_writes_nothing_and_answers_no_one()
    {
        await PoisonAsync("poison@acme.test");
        var requests = new[] { Request("ann@acme.test"), Request("poison@acme.test"), Request("ben@acme.test") };

        // The directory users are saved, then provisioning poison@ fails inside the same transaction: as if the process died there.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Batch(_portal).WriteAsync(_parentId, requests));

        Assert.All(requests, r => Assert.False(r.Answer.IsCompleted));
        Assert.Empty(await UserNamesAsync("ann@acme.test", "poison@acme.test", "ben@acme.test"));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.Email == "ann@acme.test"));
    }

    [Fact]
    public async Task Through_the_service_a_failed_batch_leaves_each_request_to_run_alone()
    {
        await PoisonAsync("poison@acme.test");
        var users = _portal.Factory.Services.GetRequiredService<ScimUserService>();

        string[] names = ["ann@acme.test", "poison@acme.test", "ben@acme.test", "cy@acme.test"];
        var creates = names.Select(name => Outcome(users.CreateAsync(_parentId, User(name), "http://test/scim/v2"))).ToList();
        var outcomes = await Task.WhenAll(creates);

        Assert.Equal([true, false, true, true], outcomes);
        Assert.Equal(["ann@acme.test", "ben@acme.test", "cy@acme.test"], await UserNamesAsync(names));
    }

    [Fact]
    public async Task A_batch_writes_what_the_same_creates_one_at_a_time_write()
    {
        var names = Enumerable.Range(1, 6).Select(i => $"person{i}@acme.test").Append("ann@acme.test").Append("person3@acme.test").ToList();
        var alone = newPortal();
        try
        {
            var aloneParent = await SetUpAsync(alone);
            var users = alone.Factory.Services.GetRequiredService<ScimUserService>();
            foreach (var name in names)
            {
                await Outcome(users.CreateAsync(aloneParent, User(name), "http://test/scim/v2")); // the duplicate is refused alone as in the batch
            }

            await Batch(_portal).WriteAsync(_parentId, [.. names.Select(name => Request(name))]);

            Assert.Equal(await StateAsync(alone, aloneParent), await StateAsync(_portal, _parentId));
        }
        finally
        {
            await alone.DisposeAsync();
        }

        var state = await StateAsync(_portal, _parentId);
        Assert.Contains("person1@acme.test User Premium Active", state, StringComparison.Ordinal); // the first two take Premium, the third Standard
        Assert.Contains("person4@acme.test User  PendingSeat", state, StringComparison.Ordinal);
    }

    private async Task<List<string>> UserNamesAsync(params string[] among)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.DirectoryUsers.Where(u => u.ParentOrganizationId == _parentId && among.Contains(u.UserName)).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();
    }

    private async Task<string> PersonOutsideTheDirectoryAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.People.Where(p => p.Email.EndsWith("@acme.test") && !db.DirectoryUsers.Any(u => u.PersonId == p.Id)).OrderBy(p => p.Email).Select(p => p.Email).FirstAsync();
    }

    private async Task<Guid> SetUpAsync(PortalFixture portal)
    {
        portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1000000";
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var alice = portal.Demo.Person("alice@acme.test");
        var draft = new ProvisioningDraft(ProvisioningMode.Scim, false, [], [], null, 1);
        var saved = await settings.SaveAsync(portal.Demo.AcmeChat, draft, alice, (await settings.PreviewAsync(portal.Demo.AcmeChat, draft, alice)).AffectedOthers);
        Assert.Empty(saved.Errors);
        // Two Premium seats free and one Standard, whatever the demo's members still hold after the switch.
        foreach (var (tier, free) in new[] { (SeatTier.Premium, 2), (SeatTier.Standard, 1) })
        {
            var held = await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.AcmeChat && m.SeatTier == tier
                && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked));
            await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == tier).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, held + free));
        }

        return parentId;
    }

    /// <summary>Provisioning this address fails in the database, after its directory user was saved in the same transaction.</summary>
    private async Task PoisonAsync(string email)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var raise = db.Database.IsNpgsql()
            ? $"CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN IF (SELECT \"Email\" FROM \"People\" WHERE \"Id\" = NEW.\"PersonId\") = '{email}' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; " +
                "CREATE TRIGGER poison BEFORE INSERT ON \"Memberships\" FOR EACH ROW EXECUTE FUNCTION poison();"
            : $"CREATE TRIGGER poison BEFORE INSERT ON \"Memberships\" WHEN (SELECT \"Email\" FROM \"People\" WHERE \"Id\" = NEW.\"PersonId\") = '{email}' " +
                "BEGIN SELECT RAISE(ABORT, 'poisoned'); END;";
        await db.Database.ExecuteSqlRawAsync(raise);
    }

    /// <summary>Directory users, people, memberships (role, tier, status) and audit entries, by address: ids and times aside.</summary>
    private static async Task<string> StateAsync(PortalFixture portal, Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var directory = await db.DirectoryUsers.Where(u => u.ParentOrganizationId == parentId && (u.UserName.StartsWith("person") || u.UserName == "ann@acme.test")).ToListAsync();
        var users = directory.Select(u => u.UserName + (u.PersonId == null ? " unlinked" : " linked") + (u.Active ? "" : " inactive")).ToList();
        var names = directory.Select(u => u.UserName).ToList();
        var members = await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && names.Contains(m.Person!.Email))
            .Select(m => m.Person!.Email + " " + m.Role + " " + m.SeatTier + " " + m.Status + " " + m.Source).ToListAsync();
        var audit = await db.AuditEvents.Where(a => names.Contains(a.Target)).Select(a => a.Action + " " + a.Target).ToListAsync();
        return string.Join("\n", users.Order(StringComparer.Ordinal).Concat(members.Order(StringComparer.Ordinal)).Concat(audit.Order(StringComparer.Ordinal)));
    }

    private static async Task<bool> Outcome(Task<JsonObject> create)
    {
        try
        {
            await create;
            return true;
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or ScimException)
        {
            return false;
        }
    }

    private static ScimCreateBatch Batch(PortalFixture portal) => portal.Factory.Services.GetRequiredService<ScimCreateBatch>();

    private static JsonObject User(string userName, bool active = true) => JsonNode.Parse(
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","active":{{(active ? "true" : "false")}},"emails":[{"type":"work","primary":true,"value":"{{userName}}"}]}""")!.AsObject();

    private static ScimCreateRequest Request(string userName, ProvisioningLogScope? log = null, bool active = true, CancellationToken cancellationToken = default)
    {
        var document = ScimUserDocument.Sanitize(User(userName, active));
        return new ScimCreateRequest(document, ScimUserFields.From(document), "http://test/scim/v2", log, cancellationToken);
    }
}

public sealed class SqliteScimCreateBatchTests() : ScimCreateBatchTests(() => new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScimCreateBatchTests() : ScimCreateBatchTests(() => new PostgresPortalFixture());
