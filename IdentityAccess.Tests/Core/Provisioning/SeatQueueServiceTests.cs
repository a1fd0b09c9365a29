using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>Acme Console under directory sync with no free seat: the directory people who are not members wait.</summary>
public sealed class SeatQueueServiceTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private Guid _alice;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _alice = _portal.Demo.Person("alice@acme.test");
        await using var db = await _portal.Factory.CreateDbContextAsync();
        await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeConsole).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 0));
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(_portal.Demo.AcmeConsole, draft, _alice);
        Assert.Empty((await settings.SaveAsync(_portal.Demo.AcmeConsole, draft, _alice, preview.AffectedOthers)).Errors);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private SeatQueueService Queue => _portal.Factory.Services.GetRequiredService<SeatQueueService>();

    [Fact]
    public async Task The_queue_lists_everyone_waiting_in_the_order_they_will_be_admitted()
    {
        var queue = (await Queue.GetAsync(_portal.Demo.AcmeConsole, _alice))!;

        await using var db = await _portal.Factory.CreateDbContextAsync();
        var pending = await db.Memberships.CountAsync(m => m.OrganizationId == _portal.Demo.AcmeConsole && m.Status == MembershipStatus.PendingSeat);
        Assert.True(pending > 2);
        Assert.Equal(pending, queue.Waiting.Count);
        Assert.Equal(Enumerable.Range(1, pending), queue.Waiting.Select(w => w.Position));
        Assert.Equal(queue.Waiting.OrderBy(w => w.WaitingSince).ThenBy(w => w.Email.ToUpperInvariant(), StringComparer.Ordinal).Select(w => w.Email),
            queue.Waiting.Select(w => w.Email));
        Assert.Empty(queue.Tiers); // Console seats have no tiers
    }

    [Fact]
    public async Task A_queue_read_in_part_still_counts_everyone_waiting()
    {
        var all = (await Queue.GetAsync(_portal.Demo.AcmeConsole, _alice))!;
        var firstTwo = (await Queue.GetAsync(_portal.Demo.AcmeConsole, _alice, take: 2))!;

        Assert.Equal(2, firstTwo.Waiting.Count);
        Assert.Equal(all.Waiting.Count, firstTwo.Total);
        Assert.Equal(all.Waiting.Count, all.Total);
    }

    [Fact]
    public async Task Two_more_seats_would_admit_the_first_two_in_the_queue_and_Sync_now_then_does_exactly_that()
    {
        var queue = (await Queue.GetAsync(_portal.Demo.AcmeConsole, _alice))!;
        var held = await SetPurchasedToSeatsInUseAsync(); // members kept their seats past the 0 bought: seats bought first cover those

        var wouldAdmit = (await Queue.WouldAdmitAsync(_portal.Demo.AcmeConsole, _alice, null, 2))!;

        Assert.Equal(queue.Waiting.Take(2).Select(w => w.Email), wouldAdmit.Select(p => p.Email));

        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeConsole).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, held + 2));
        }

        await _portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(_portal.Demo.AcmeConsole, _alice);
        var after = (await Queue.GetAsync(_portal.Demo.AcmeConsole, _alice))!;
        Assert.Equal(queue.Waiting.Skip(2).Select(w => w.Email), after.Waiting.Select(w => w.Email));
    }

    [Fact]
    public async Task Sync_now_leaves_a_row_in_the_directory_sync_log_with_who_and_how_many_and_a_refused_one_leaves_none()
    {
        var held = await SetPurchasedToSeatsInUseAsync();
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeConsole).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, held + 2));
        }

        var syncNow = _portal.Factory.Services.GetRequiredService<SyncNowService>();
        var outcome = await syncNow.SyncAsync(_portal.Demo.AcmeConsole, _alice);
        var refused = await syncNow.SyncAsync(_portal.Demo.AcmeConsole, _portal.Demo.Person("carol@acme.test")); // not a member of Acme Console

        Assert.Equal(2, outcome.Changed);
        Assert.NotNull(refused.Refusal);
        await using var read = await _portal.Factory.CreateDbContextAsync();
        var rows = await read.ProvisioningLog.Where(e => e.Channel == IdentityAccess.Core.Scim.Log.ProvisioningLogChannel.SyncNow).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(("Sync now: Acme Console", 200), (row.Path, row.Status));
        Assert.Equal("Sync now by Alice Anders: 2 membership changes", row.Summary);
    }

    [Fact]
    public async Task Seats_that_only_cover_seats_already_in_use_beyond_those_bought_admit_nobody() =>
        Assert.Empty((await Queue.WouldAdmitAsync(_portal.Demo.AcmeConsole, _alice, null, 1))!);

    private async Task<int> SetPurchasedToSeatsInUseAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var held = await db.Memberships.CountAsync(m => m.OrganizationId == _portal.Demo.AcmeConsole && m.Status == MembershipStatus.Active);
        await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeConsole).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, held));
        return held;
    }

    [Fact]
    public async Task Seats_of_a_tier_nobody_waits_for_admit_nobody()
    {
        // Acme chat: everyone waits for Standard (the tier group maps them there), so Premium seats admit nobody.
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.SeatPools.Where(p => p.OrganizationId == _portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 0));
        }

        const string Users = "6f1c2a9e-0003-4c1e-9a10-acme00000003";
        const string Owners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = new ProvisioningDraft(ProvisioningMode.Scim, true,
            [new IdentityAccess.Core.GroupMappings.RoleMapping(Owners, Role.Owner), new IdentityAccess.Core.GroupMappings.RoleMapping(Users, Role.User)],
            [new IdentityAccess.Core.GroupMappings.TierMapping(Users, SeatTier.Standard)], _alice, 1);
        var preview = await settings.PreviewAsync(_portal.Demo.AcmeChat, draft, _alice);
        Assert.Empty((await settings.SaveAsync(_portal.Demo.AcmeChat, draft, _alice, preview.AffectedOthers)).Errors);

        Assert.Empty((await Queue.WouldAdmitAsync(_portal.Demo.AcmeChat, _alice, SeatTier.Premium, 5))!);
        Assert.NotEmpty((await Queue.WouldAdmitAsync(_portal.Demo.AcmeChat, _alice, SeatTier.Standard, 5))!);
    }

    [Fact]
    public async Task Someone_without_the_right_gets_nothing() =>
        Assert.Null(await Queue.GetAsync(_portal.Demo.AcmeConsole, _portal.Demo.Person("carol@acme.test")));
}
