using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Snapshots;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning.Snapshots;

/// <summary>
/// The SCIM writer's cached copy of a parent's settings, mappings, seat pools, domains and group names is never stale:
/// after each kind of change, through the portal's own service or written straight to the database (as another
/// instance, the CLI or a hand-written UPDATE would), the app's cache answers exactly what a fresh read answers. Acme's
/// chat organization in directory sync without mappings.
/// </summary>
public abstract class ParentSnapshotTests(Func<PortalFixture> newPortal) : IAsyncLifetime
{
    private readonly PortalFixture _portal = newPortal();
    private Guid _parentId;
    private Guid _chat;
    private Guid _alice;

    public async Task InitializeAsync()
    {
        _portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1000000";
        await _portal.InitializeAsync();
        (_chat, _alice) = (_portal.Demo.AcmeChat, _portal.Demo.Person("alice@acme.test"));
        await using var db = await _portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == _chat).Select(o => o.ParentOrganizationId).SingleAsync();
        await SaveSettingsAsync(d => d with { Mode = ProvisioningMode.Scim });
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task CurrentAsync_unchanged_parent_returns_the_same_snapshot()
    {
        var first = await CachedAsync();

        Assert.Same(first, await CachedAsync());
    }

    [Fact]
    public async Task CurrentAsync_mode_saved_through_the_settings_page_is_seen()
    {
        var before = await CachedAsync();

        await SaveSettingsAsync(d => d with { Mode = ProvisioningMode.Manual });

        await AssertCurrentAsync(before, s => Assert.DoesNotContain(s.DirectorySyncOrganizations, o => o.Id == _chat));
    }

    [Fact]
    public async Task CurrentAsync_mappings_saved_are_seen()
    {
        var before = await CachedAsync();

        await SaveSettingsAsync(d => d with
        {
            AdvancedGroupMappings = true,
            RoleMappings = [new RoleMapping("snapshot-admins", Role.Admin), new RoleMapping("6f1c2a9e-0001-4c1e-9a10-acme00000001", Role.Owner)],
        });

        await AssertCurrentAsync(before, s => Assert.Contains(s.SavedSettings[_chat].RoleMappings, m => m.GroupKey == "snapshot-admins"));
    }

    [Fact]
    public async Task CurrentAsync_seats_bought_are_seen()
    {
        var before = await CachedAsync();
        var premium = before.DirectorySyncOrganizations.Single(o => o.Id == _chat).Pools.Single(p => p.Tier == SeatTier.Premium).Purchased;

        Assert.Empty(await _portal.Factory.Services.GetRequiredService<SeatPurchase>().SetPurchasedAsync(_chat, SeatTier.Premium, premium + 5, _alice));

        await AssertCurrentAsync(before, s => Assert.Equal(premium + 5, s.DirectorySyncOrganizations.Single(o => o.Id == _chat).Pools.Single(p => p.Tier == SeatTier.Premium).Purchased));
    }

    [Fact]
    public async Task CurrentAsync_parent_plan_changed_is_seen()
    {
        var before = await CachedAsync();

        Assert.Null(await _portal.Factory.Services.GetRequiredService<ParentPlanChange>().ChangeAsync(_parentId, ParentPlan.Team, _alice));

        await AssertCurrentAsync(before, s => Assert.Equal(ParentPlan.Team, s.Plan));
    }

    [Fact]
    public async Task CurrentAsync_domain_verified_and_removed_in_the_database_is_seen()
    {
        var before = await CachedAsync();
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            db.VerifiedDomains.Add(new VerifiedDomain { ParentOrganizationId = _parentId, Domain = "snapshot.test", Challenge = "c", Status = DomainStatus.Verified });
            await db.SaveChangesAsync();
        }

        var added = await AssertCurrentAsync(before, s => Assert.True(s.Domains.Owns("x@snapshot.test")));
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.VerifiedDomains.Where(d => d.Domain == "snapshot.test").ExecuteDeleteAsync();
        }

        await AssertCurrentAsync(added, s => Assert.False(s.Domains.Owns("x@snapshot.test")));
    }

    [Fact]
    public async Task CurrentAsync_directory_group_added_and_renamed_is_seen()
    {
        var before = await CachedAsync();
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var now = DateTimeOffset.UtcNow;
            db.DirectoryGroups.Add(new DirectoryGroup { ParentOrganizationId = _parentId, ExternalId = "snap-1", DisplayName = "Snap", NormalizedDisplayName = "SNAP", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var added = await AssertCurrentAsync(before, s => Assert.Equal("Snap", s.GroupNames["snap-1"]));
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.DirectoryGroups.Where(g => g.ExternalId == "snap-1").ExecuteUpdateAsync(s => s.SetProperty(g => g.DisplayName, "Snapped"));
        }

        await AssertCurrentAsync(added, s => Assert.Equal("Snapped", s.GroupNames["snap-1"]));
    }

    [Fact]
    public async Task CurrentAsync_direct_database_writes_bypassing_the_services_are_seen()
    {
        var before = await CachedAsync();
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            // As another instance or the operator would: plain UPDATEs, no service, no in-process notice.
            await db.SeatPools.Where(p => p.OrganizationId == _chat && p.Tier == SeatTier.Standard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 777));
        }

        var seats = await AssertCurrentAsync(before, s => Assert.Equal(777, s.DirectorySyncOrganizations.Single(o => o.Id == _chat).Pools.Single(p => p.Tier == SeatTier.Standard).Purchased));
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.Organizations.Where(o => o.Id == _chat).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Manual));
        }

        await AssertCurrentAsync(seats, s => Assert.Empty(s.DirectorySyncOrganizations));
    }

    [Fact]
    public async Task CurrentAsync_change_rolled_back_is_not_kept()
    {
        var before = await CachedAsync();
        var snapshots = _portal.Factory.Services.GetRequiredService<ParentSnapshots>();
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.GroupMappings.AddAsync(new GroupMapping { OrganizationId = _chat, GroupExternalId = "rolled-back", Role = Role.Admin });
            await db.SaveChangesAsync();
            var inside = await snapshots.CurrentAsync(db, _parentId, default);
            Assert.Contains(inside!.SavedSettings[_chat].RoleMappings, m => m.GroupKey == "rolled-back"); // its own write, seen inside
            await transaction.RollbackAsync();
        }

        await AssertCurrentAsync(before, s => Assert.DoesNotContain(s.SavedSettings[_chat].RoleMappings, m => m.GroupKey == "rolled-back"), changed: false);
    }

    private async Task<ParentSnapshot> CachedAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return (await _portal.Factory.Services.GetRequiredService<ParentSnapshots>().CurrentAsync(db, _parentId, default))!;
    }

    /// <summary>The app's cached answer equals a fresh read's (a cache of its own, empty), differs from before, and passes the check.</summary>
    private async Task<ParentSnapshot> AssertCurrentAsync(ParentSnapshot before, Action<ParentSnapshot> check, bool changed = true)
    {
        var cached = await CachedAsync();
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var fresh = (await new ParentSnapshots().CurrentAsync(db, _parentId, default))!;
        Assert.Equal(Describe(fresh), Describe(cached));
        Assert.Equal(changed, Describe(before) != Describe(cached));
        check(cached);
        return cached;
    }

    private static string Describe(ParentSnapshot s) =>
        $"{s.Plan} grace {s.Stamps.RemovalGraceDays} domains {s.Domains.Describe()}\n"
        + string.Join("\n", s.DirectorySyncOrganizations.Select(o =>
        {
            var d = s.SavedSettings[o.Id];
            return $"{o.Id} {o.Name} {o.Plan} {o.ParentPlan} {o.Mode} v{o.SettingsVersion} pools {string.Join(",", o.Pools)} settings {d.Mode} {d.AdvancedGroupMappings} "
                + $"{string.Join(",", d.RoleMappings)} {string.Join(",", d.TierMappings)} {d.BreakGlassPersonId} v{d.BaseVersion}";
        }))
        + "\ngroups " + string.Join(",", s.GroupNames.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "=" + g.Value));

    private async Task SaveSettingsAsync(Func<ProvisioningDraft, ProvisioningDraft> change)
    {
        var settings = _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        ProvisioningDraft saved;
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            saved = (await ProvisioningInputLoader.LoadSavedDraftAsync(db, _chat, default))!;
        }

        var draft = change(saved);
        var result = await settings.SaveAsync(_chat, draft, _alice, (await settings.PreviewAsync(_chat, draft, _alice)).AffectedOthers);
        Assert.Empty(result.Errors);
    }
}

public sealed class SqliteParentSnapshotTests() : ParentSnapshotTests(() => new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresParentSnapshotTests() : ParentSnapshotTests(() => new PostgresPortalFixture());
