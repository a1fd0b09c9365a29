using System.Net;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>
/// The plan on every path: a parent on the Team plan has no directory sync. Globex is one from the start; Acme's
/// directory is running when its plan changes to Team (as the billing stand-in would), and is then paused: every way
/// in is refused and the members it provisioned are kept.
/// </summary>
public abstract class DirectorySyncPlanTests(PortalFixture portal) : IAsyncLifetime
{
    private AcmeScimDirectory _acme = default!;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        _acme = await StartAsync(portal);
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private ScimTokenService Tokens => portal.Factory.Services.GetRequiredService<ScimTokenService>();

    private async Task<Guid> ParentAsync(string name)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ParentOrganizations.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private async Task SetPlanAsync(Guid parentId, ParentPlan plan)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.ParentOrganizations.Where(p => p.Id == parentId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, plan));
    }

    private sealed record Snapshot(int DirectoryUsers, int Tokens, int People, string Memberships, int Audits);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var memberships = await db.Memberships.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Role}:{m.Status}:{m.Source}").ToListAsync();
        return new Snapshot(await db.DirectoryUsers.CountAsync(), await db.ScimTokens.CountAsync(t => t.RevokedAt == null), await db.People.CountAsync(),
            string.Join("|", memberships), await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task GenerateToken_TeamPlan_RefusedNamingThePlan_AndNoTokenMade()
    {
        var globex = await ParentAsync("Globex");
        var before = await SnapshotAsync();

        var (token, refused) = await Tokens.GenerateAsync(globex, new AuditActor(portal.Demo.Person("grace@globex.test"), "Grace Green"));

        Assert.Null(token);
        var notInPlan = Assert.IsType<DirectorySyncNotInPlan>(refused);
        Assert.Equal(global::IdentityAccess.Core.Common.RefusalCategory.NotAllowed, notInPlan.Category);
        Assert.Contains("Globex's Team plan", notInPlan.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TokenInsertedDirectly_TeamPlan_403NamingThePlanOnEveryEndpoint_NothingWritten_AndLogged()
    {
        var globex = await ParentAsync("Globex");
        var secret = ScimTokenHasher.NewSecret();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.ScimTokens.Add(new ScimToken { ParentOrganizationId = globex, Hash = ScimTokenHasher.Hash(secret), Prefix = secret[..12], CreatedBy = "inserted" });
            await db.SaveChangesAsync();
        }

        var client = ClientWithSecret(portal, secret);
        var before = await SnapshotAsync();

        var post = await client.PostAsync("/scim/v2/Users", AcmeScimDirectory.Scim("""{"userName":"ivy@globex.test","active":true}"""));
        var list = await client.GetAsync("/scim/v2/Users");
        var group = await client.PostAsync("/scim/v2/Groups", AcmeScimDirectory.Scim("""{"displayName":"Globex admins"}"""));

        Assert.All(new[] { post, list, group }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var body = await BodyAsync(post);
        Assert.Equal("403", body["status"]!.GetValue<string>());
        Assert.Contains("Globex's Team plan", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        await portal.Factory.Services.FlushProvisioningLogAsync();
        await using var check = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(3, await check.ProvisioningLog.CountAsync(e => e.ParentOrganizationId == globex && e.Status == 403 && e.ErrorDetail!.Contains("Team plan")));
        Assert.False(await check.DirectoryGroups.AnyAsync(g => g.ParentOrganizationId == globex));
    }

    [Fact]
    public async Task PlanChangedToTeam_PausesTheRunningDirectory_SyncNowAndScheduledReconcileRefused_MembersKept()
    {
        var zed = await _acme.PostAsync("""{"userName":"zed@acme.test","displayName":"Zed","active":true}""");
        Assert.Equal(HttpStatusCode.Created, zed.StatusCode);
        await SetPlanAsync(_acme.ParentId, ParentPlan.Team);
        var before = await SnapshotAsync();
        var alice = portal.Demo.Person("alice@acme.test");
        var sync = portal.Factory.Services.GetRequiredService<SyncNowService>();

        var push = await _acme.PatchAsync(Guid.Parse((await BodyAsync(zed))["id"]!.GetValue<string>()),
            """{"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        var syncOrganization = await sync.SyncAsync(portal.Demo.AcmeChat, alice);
        var syncParent = await sync.SyncParentAsync(_acme.ParentId, alice);
        var scheduled = await portal.Factory.Services.GetRequiredService<ScheduledReconcile>().RunOnceAsync();

        Assert.Equal(HttpStatusCode.Forbidden, push.StatusCode);
        Assert.IsType<DirectorySyncNotInPlan>(syncOrganization.Refusal);
        Assert.Contains("Acme Corporation's Team plan", Assert.IsType<DirectorySyncNotInPlan>(syncParent.Refusal).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_acme.ParentId, scheduled.Keys);
        Assert.Equal(before, await SnapshotAsync()); // Zed still an active member, nothing reconciled, nothing audited
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(MembershipStatus.Active, await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.Person!.Email == "zed@acme.test")
            .Select(m => m.Status).SingleAsync());
    }

    [Fact]
    public async Task PlanChangedBackToEnterprise_DirectoryResumes()
    {
        await SetPlanAsync(_acme.ParentId, ParentPlan.Team);
        Assert.Equal(HttpStatusCode.Forbidden, (await _acme.PostAsync("""{"userName":"zed@acme.test"}""")).StatusCode);

        await SetPlanAsync(_acme.ParentId, ParentPlan.Enterprise);

        Assert.Equal(HttpStatusCode.Created, (await _acme.PostAsync("""{"userName":"zed@acme.test"}""")).StatusCode);
    }

    [Fact]
    public async Task GenerateToken_ManyAtOnce_NeverMoreThanTheLimitValid()
    {
        for (var round = 0; round < 5; round++)
        {
            await using (var db = await portal.Factory.CreateDbContextAsync())
            {
                await db.ScimTokens.Where(t => t.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow)); // none valid
            }

            // Released together, so their checks of the limit overlap unless generation is serialized.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await Tokens.GenerateAsync(_acme.ParentId, new AuditActor(null, $"racer {round}.{i}"));
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(racers);

            Assert.Equal(ScimTokenService.MaxActiveTokens, results.Count(r => r.Token is not null));
            Assert.All(results.Where(r => r.Token is null), r => Assert.IsType<TooManyActiveTokens>(r.Error));
            await using var check = await portal.Factory.CreateDbContextAsync();
            Assert.Equal(ScimTokenService.MaxActiveTokens, await check.ScimTokens.CountAsync(t => t.ParentOrganizationId == _acme.ParentId && t.RevokedAt == null));
            Assert.Equal(ScimTokenService.MaxActiveTokens, await check.AuditEvents.CountAsync(e => e.Action == "scim.token_created" && e.Actor.StartsWith($"racer {round}.")));
        }
    }
}

public sealed class SqliteDirectorySyncPlanTests() : DirectorySyncPlanTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresDirectorySyncPlanTests() : DirectorySyncPlanTests(new PostgresPortalFixture());
