using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// Acme Console under directory sync with two seats: its members keep theirs, the other directory people wait.
/// Three more seats are then bought outside the portal (as a billing system would), with nobody pressing Sync now.
/// </summary>
public abstract class ScheduledReconcileTests(PortalFixture portal) : IAsyncLifetime
{
    protected PortalFixture Portal => portal;

    protected Guid ParentId { get; private set; }

    protected int PendingBefore { get; private set; }

    protected const int Bought = 3;

    public async Task InitializeAsync()
    {
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        ParentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeConsole).Select(o => o.ParentOrganizationId).SingleAsync();
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeConsole).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 2));
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var alice = portal.Demo.Person("alice@acme.test");
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(portal.Demo.AcmeConsole, draft, alice);
        Assert.Empty((await settings.SaveAsync(portal.Demo.AcmeConsole, draft, alice, preview.AffectedOthers)).Errors);
        PendingBefore = await PendingAsync();
        var held = await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.AcmeConsole && m.Status == MembershipStatus.Active);
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeConsole).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, held + Bought));
        Assert.True(PendingBefore > Bought, $"{PendingBefore} waiting");
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    protected ScheduledReconcile Job => portal.Factory.Services.GetRequiredService<ScheduledReconcile>();

    protected async Task<int> PendingAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.AcmeConsole && m.Status == MembershipStatus.PendingSeat);
    }

    [Fact]
    public async Task A_run_admits_people_waiting_for_seats_bought_meanwhile_and_says_so_in_the_audit_log()
    {
        var results = await Job.RunOnceAsync();

        Assert.Equal(Bought, results[ParentId]);
        Assert.Equal(PendingBefore - Bought, await PendingAsync());
        await using var db = await Portal.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "sync.scheduled" && e.ParentOrganizationId == ParentId));
    }

    [Fact]
    public async Task A_parent_whose_plan_has_no_directory_sync_is_skipped_and_its_members_kept_as_they_are()
    {
        await using (var db = await Portal.Factory.CreateDbContextAsync())
        {
            await db.ParentOrganizations.Where(p => p.Id == ParentId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, ParentPlan.Team));
        }

        var results = await Job.RunOnceAsync();

        Assert.False(results.ContainsKey(ParentId));
        Assert.Equal(PendingBefore, await PendingAsync()); // nobody admitted to the seats bought meanwhile: the directory is paused
        await using var check = await Portal.Factory.CreateDbContextAsync();
        Assert.False(await check.AuditEvents.AnyAsync(e => e.Action == "sync.scheduled"));
    }

    [Fact]
    public async Task A_second_run_with_nothing_to_do_changes_nothing()
    {
        await Job.RunOnceAsync();

        Assert.Equal(0, (await Job.RunOnceAsync())[ParentId]);
    }
}

public sealed class SqliteScheduledReconcileTests() : ScheduledReconcileTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresScheduledReconcileTests() : ScheduledReconcileTests(new PostgresPortalFixture())
{
    [Fact]
    public async Task While_another_instance_holds_the_parent_this_one_skips_it()
    {
        await using (var other = await Portal.Factory.CreateDbContextAsync())
        {
            await using var transaction = await other.Database.BeginTransactionAsync();
            Assert.True(await ScheduledReconcile.TryLockAsync(other, ParentId, CancellationToken.None)); // "another instance" mid-run

            Assert.False((await Job.RunOnceAsync()).ContainsKey(ParentId));
            Assert.Equal(PendingBefore, await PendingAsync());
        }

        Assert.Equal(Bought, (await Job.RunOnceAsync())[ParentId]); // its transaction ended: the lock went with it
    }
}
