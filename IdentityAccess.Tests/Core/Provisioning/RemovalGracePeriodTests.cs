using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// Acme (chat) under directory sync with group mappings (<see cref="AcmeDirectorySync"/>), the default 30-day removal
/// grace period, a fake clock, and the job run by the tests (its timer is off).
/// </summary>
public abstract class RemovalGracePeriodTests(PortalFixture portal) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly AcmeDirectorySync _acme = new(portal);

    public async Task InitializeAsync()
    {
        portal.Time = _clock;
        portal.Settings["Provisioning:MassRemoval:MinimumCount"] = "1000000"; // the breaker has its own tests
        // The tests run the grace period and the reconcile themselves and move the clock by weeks: no loop in the way.
        ClockJumps.QuietBackgroundLoops(portal.Settings);
        await portal.InitializeAsync();
        await _acme.SetUpAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    private RemovalGracePeriod Job => _acme.Services.GetRequiredService<RemovalGracePeriod>();

    private RemovalGraceSettingsService GraceSettings => _acme.Services.GetRequiredService<RemovalGraceSettingsService>();

    [Fact]
    public async Task Deactivated_IsSuspendedAtOnce_KeepingRoleAndTier_ThenRemovedWhenTheGracePeriodIsOver()
    {
        await _acme.PatchUserActiveAsync("carol@acme.test", active: false);
        var suspended = await _acme.MembershipAsync("carol@acme.test");
        Assert.Equal((MembershipStatus.Suspended, Role.User, SeatTier.Standard), (suspended.Status, suspended.Role, suspended.SeatTier));

        var listed = await _acme.Services.GetRequiredService<MemberDirectory>().FindAsync(_acme.Acme, suspended.Id);
        Assert.Equal(_clock.GetUtcNow().AddDays(30), listed!.RemovalDueAt); // the members list: "Suspended by your IdP — removed on …"

        _clock.Advance(TimeSpan.FromDays(29));
        Assert.Empty(await Job.RunOnceAsync());
        Assert.Equal(MembershipStatus.Suspended, (await _acme.MembershipAsync("carol@acme.test")).Status);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await Job.RunOnceAsync())[_acme.ParentId]);

        Assert.Equal(MembershipStatus.Removed, (await _acme.MembershipAsync("carol@acme.test")).Status);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == _acme.Acme && e.Action == "membership.deprovisioned" && e.Target == "carol@acme.test");
        Assert.Equal("Removal grace period", entry.Actor);
        Assert.Contains("not reactivated within the 30-day grace period", entry.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reactivated_InsideTheGracePeriod_GetsRoleTierAndMembershipBack_WithTheSameDirectoryUser(bool byPut)
    {
        var directoryUser = await _acme.DirectoryUserAsync("bob@acme.test");
        await _acme.PatchUserActiveAsync("bob@acme.test", active: false);
        Assert.Equal(MembershipStatus.Suspended, (await _acme.MembershipAsync("bob@acme.test")).Status);
        _clock.Advance(TimeSpan.FromDays(20));

        if (byPut)
        {
            await _acme.PutUserAsync("bob@acme.test", active: true);
        }
        else
        {
            await _acme.PatchUserActiveAsync("bob@acme.test", active: true);
        }

        var bob = await _acme.MembershipAsync("bob@acme.test");
        Assert.Equal((MembershipStatus.Active, Role.Admin, SeatTier.Premium), (bob.Status, bob.Role, bob.SeatTier));
        Assert.Equal(directoryUser, await _acme.DirectoryUserAsync("bob@acme.test"));
        _clock.Advance(TimeSpan.FromDays(20)); // past the first deactivation's grace period: nothing is due any more
        Assert.Empty(await Job.RunOnceAsync());
        Assert.Equal(MembershipStatus.Active, (await _acme.MembershipAsync("bob@acme.test")).Status);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Null(await db.DirectoryUsers.Where(u => u.Id == directoryUser).Select(u => u.DeactivatedAt).SingleAsync());
    }

    [Fact]
    public async Task GraceZero_RemovesAtTheDeactivation()
    {
        Assert.Null(await GraceSettings.SetAsync(_acme.ParentId, 0, portal.Demo.Person("alice@acme.test")));

        await _acme.PatchUserActiveAsync("dave@acme.test", active: false);

        Assert.Equal(MembershipStatus.Removed, (await _acme.MembershipAsync("dave@acme.test")).Status);
    }

    [Fact]
    public async Task TwoRunsAtOnce_RemoveEachPersonOnce_AndAThirdFindsNothing()
    {
        await _acme.PatchUserActiveAsync("carol@acme.test", active: false);
        await _acme.PatchUserActiveAsync("dave@acme.test", active: false);
        _clock.Advance(TimeSpan.FromDays(31));

        var runs = await Task.WhenAll(Task.Run(() => Job.RunOnceAsync()), Task.Run(() => Job.RunOnceAsync()));

        Assert.Equal(2, runs.Sum(r => r.Values.Sum()));
        Assert.DoesNotContain(await Job.RunOnceAsync(), r => r.Value > 0);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var removed = await db.AuditEvents.Where(e => e.OrganizationId == _acme.Acme && e.Action == "membership.deprovisioned").Select(e => e.Target).ToListAsync();
        Assert.Equal(["carol@acme.test", "dave@acme.test"], removed.Order());
    }

    [Fact]
    public async Task TheLastOwner_Deactivated_IsNotRemovedSilently_TheChangeIsHeld()
    {
        await _acme.PatchUserActiveAsync("alice@acme.test", active: false);
        _clock.Advance(TimeSpan.FromDays(31));

        await Job.RunOnceAsync();
        await _acme.Services.GetRequiredService<ScheduledReconcile>().RunOnceAsync();

        var alice = await _acme.MembershipAsync("alice@acme.test");
        Assert.Equal((MembershipStatus.Active, Role.Owner), (alice.Status, alice.Role));
        Assert.Single(await _acme.HoldsAsync());
    }

    [Fact]
    public async Task SetGrace_ByAParentAdmin_IsSavedAndAudited()
    {
        Assert.Null(await GraceSettings.SetAsync(_acme.ParentId, 7, portal.Demo.Person("alice@acme.test")));

        Assert.Equal(7, await GraceSettings.GetAsync(_acme.ParentId, portal.Demo.Person("alice@acme.test")));
        Assert.Equal(1, await _acme.AuditCountAsync("parent.removal_grace_changed"));
    }

    [Theory]
    [InlineData("oscar@acme.test")] // the Admin (top role) of the sibling organization Acme Labs, not a parent admin
    [InlineData("bob@acme.test")] // an Admin of Acme
    public async Task SetGrace_ByAnyoneButAParentAdmin_IsRefusedAndNothingChanges(string email)
    {
        var refusal = await GraceSettings.SetAsync(_acme.ParentId, 0, portal.Demo.Person(email));

        Assert.True(refusal is NotAllowedError or NotFoundError);
        Assert.Equal(30, await GraceSettings.GetAsync(_acme.ParentId, portal.Demo.Person("alice@acme.test")));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(91)]
    public async Task SetGrace_OutOfRange_IsRefused(int days) =>
        Assert.IsType<RemovalGraceOutOfRange>(await GraceSettings.SetAsync(_acme.ParentId, days, portal.Demo.Person("alice@acme.test")));
}

public sealed class SqliteRemovalGracePeriodTests() : RemovalGracePeriodTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresRemovalGracePeriodTests() : RemovalGracePeriodTests(new PostgresPortalFixture());
