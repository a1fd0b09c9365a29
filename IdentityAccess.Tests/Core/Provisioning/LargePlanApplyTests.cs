using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// A plan for thousands of people takes the set-based path (memberships updated per group of like changes, audit
/// entries inserted untracked): Acme's chat organization, still managed by hand, with <see cref="PerKind"/> seeded
/// people of each kind written straight to the database, then switched to SCIM (which adopts its members).
/// </summary>
public abstract class LargePlanApplyTests(PortalFixture portal) : IAsyncLifetime
{
    private const int PerKind = 600;

    private Guid _parentId;

    private enum Kind
    {
        Unchanged, // active in the directory, an active SCIM member: nothing to write
        Deactivated, // deactivated in the directory: suspended
        NotYetMember, // a linked person in the directory with no membership: provisioned
        HandMade, // active in the directory, a member the owner added by hand: adopted by the switch into SCIM
        Gone, // no longer in the directory: removed
    }

    public async Task InitializeAsync()
    {
        portal.Settings["Provisioning:MassRemoval:Percent"] = "100"; // every change applies, none is staged
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 100_000));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var then = DateTimeOffset.UtcNow.AddDays(-1);
        foreach (var kind in Enum.GetValues<Kind>())
        {
            for (var i = 0; i < PerKind; i++)
            {
                var email = $"{kind}{i}@large.test".ToLowerInvariant();
                var person = Person.Create(email, $"{kind} {i}", then);
                db.People.Add(person);
                if (kind != Kind.Gone)
                {
                    db.DirectoryUsers.Add(new DirectoryUser
                    {
                        ParentOrganizationId = _parentId,
                        UserName = email,
                        NormalizedUserName = email.ToUpperInvariant(),
                        Email = email,
                        DisplayName = person.DisplayName,
                        Active = kind != Kind.Deactivated,
                        PersonId = person.Id,
                        CreatedAt = then.AddTicks(i),
                        UpdatedAt = then,
                    });
                }

                if (kind != Kind.NotYetMember)
                {
                    db.Memberships.Add(new Membership
                    {
                        OrganizationId = portal.Demo.AcmeChat,
                        PersonId = person.Id,
                        Role = Role.User,
                        SeatTier = SeatTier.Standard,
                        Status = MembershipStatus.Active,
                        Source = kind == Kind.HandMade ? MembershipSource.Manual : MembershipSource.Scim,
                        CreatedAt = then,
                        StatusChangedAt = then,
                    });
                }
            }
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Switching_to_scim_then_sync_now_apply_every_change_with_one_audit_entry_each_and_exact_seat_counters()
    {
        // SQLite keeps times to 0.1 ms (DateTimeOffsetToBinaryConverter): a write in the same tenth would look earlier.
        var start = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var alice = portal.Demo.Person("alice@acme.test");
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(portal.Demo.AcmeChat, draft, alice);
        Assert.Empty((await settings.SaveAsync(portal.Demo.AcmeChat, draft, alice, preview.AffectedOthers)).Errors);

        var afterSwitch = await MembershipsAsync();
        Assert.All(afterSwitch[Kind.Unchanged], r => Assert.Equal((MembershipStatus.Active, MembershipSource.Scim, false), (r.Status, r.Source, r.StatusChangedAt >= start)));
        Assert.All(afterSwitch[Kind.Deactivated], r => Assert.Equal((MembershipStatus.Suspended, MembershipSource.Scim, true), (r.Status, r.Source, r.StatusChangedAt >= start)));
        // (A membership created Active keeps the default StatusChangedAt, on either path: the status did not "change".)
        Assert.All(afterSwitch[Kind.NotYetMember], r => Assert.Equal((MembershipStatus.Active, MembershipSource.Scim), (r.Status, r.Source)));
        Assert.All(afterSwitch[Kind.HandMade], r => Assert.Equal((MembershipStatus.Active, MembershipSource.Scim, false), (r.Status, r.Source, r.StatusChangedAt >= start)));
        Assert.All(afterSwitch[Kind.Gone], r => Assert.Equal((MembershipStatus.Removed, true), (r.Status, r.StatusChangedAt >= start)));
        Assert.All(Enum.GetValues<Kind>(), kind => Assert.Equal(PerKind, afterSwitch[kind].Count()));
        var switched = await EntriesAsync(start);
        Assert.Equal(switched.Count, switched.Select(e => e.Target).Distinct().Count()); // one per changed person
        Assert.Equal(PerKind, switched.Count(e => e.Target.StartsWith("deactivated") && e.Action == "membership.suspended"));
        Assert.Equal(PerKind, switched.Count(e => e.Target.StartsWith("notyetmember") && e.Action == "membership.provisioned"));
        Assert.Equal(PerKind, switched.Count(e => e.Target.StartsWith("gone") && e.Action == "membership.deprovisioned"));
        Assert.DoesNotContain(switched, e => e.Target.StartsWith("unchanged") || e.Target.StartsWith("handmade"));
        await AssertSeatCountersMatchAsync();

        // Sync now after the IdP deactivated the first kind too.
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.DirectoryUsers.Where(u => u.UserName.StartsWith("unchanged")).ExecuteUpdateAsync(s => s.SetProperty(u => u.Active, false));
        }

        var synced = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var changed = (await portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(portal.Demo.AcmeChat, alice)).Changed;

        Assert.Equal(PerKind, changed);
        Assert.All((await MembershipsAsync())[Kind.Unchanged], r => Assert.Equal((MembershipStatus.Suspended, true), (r.Status, r.StatusChangedAt >= synced)));
        var entries = await EntriesAsync(synced);
        Assert.Equal(PerKind, entries.Count(e => e.Target.StartsWith("unchanged") && e.Action == "membership.suspended"));
        Assert.Equal(changed, entries.Count);
        await AssertSeatCountersMatchAsync();
    }

    private sealed record Row(string Email, MembershipStatus Status, MembershipSource Source, DateTimeOffset StatusChangedAt);

    private async Task<ILookup<Kind, Row>> MembershipsAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var rows = await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.Person!.Email.EndsWith("@large.test"))
            .Select(m => new Row(m.Person!.Email, m.Status, m.Source, m.StatusChangedAt)).ToListAsync();
        return rows.ToLookup(r => Enum.GetValues<Kind>().Single(k => r.Email.StartsWith(k.ToString(), StringComparison.OrdinalIgnoreCase)));
    }

    private async Task<List<AuditEvent>> EntriesAsync(DateTimeOffset since)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.OrganizationId == portal.Demo.AcmeChat && e.OccurredAt >= since && e.Action.StartsWith("membership."))
            .ToListAsync();
    }

    [Fact]
    public async Task The_set_based_path_writes_what_the_tracked_path_writes()
    {
        var setBased = await ApplyAsync(inTransaction: true, keep: false);
        var tracked = await ApplyAsync(inTransaction: false, keep: true);

        Assert.True(setBased.Memberships.Count > PlanApplier.SetBasedFrom * 3, $"{setBased.Memberships.Count} memberships written");
        Assert.Equal(tracked.Memberships, setBased.Memberships);
        Assert.Equal(tracked.Entries, setBased.Entries);
        await AssertSeatCountersMatchAsync();
    }

    private sealed record Written(IReadOnlyList<string> Memberships, IReadOnlyList<string> Entries);

    // The switch into SCIM's plan (suspend, provision, remove, adopt) applied straight through PlanApplier. Without a transaction it must take the tracked path (the
    // set-based one writes outside the change tracker and needs the caller's transaction); the set-based result is
    // read inside its transaction and rolled back, so both start from the same rows.
    private async Task<Written> ApplyAsync(bool inTransaction, bool keep)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync() : null;
        var organizationId = portal.Demo.AcmeChat;
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var plan = ProvisioningRules.Evaluate((await ProvisioningInputLoader.LoadAsync(db, organizationId, draft, CancellationToken.None))!);
        Assert.Equal(PerKind, plan.Outcomes.Count(o => o.Changes.Count == 0 && o.Person.Membership?.Source == MembershipSource.Manual
            && o.Desired?.Source == MembershipSource.Scim && o.Person.Email.StartsWith("handmade"))); // adopted
        var start = DateTimeOffset.UtcNow.AddMilliseconds(-1); // SQLite keeps times to 0.1 ms
        var applier = portal.Factory.Services.GetRequiredService<PlanApplier>();
        var applied = await applier.ApplyAsync(db, plan, _parentId, new AuditActor(null, "test"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var memberships = (await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId)
                .Select(m => new { m.Person!.Email, m.Role, m.SeatTier, m.Status, m.Source, m.CreatedAt, m.StatusChangedAt }).ToListAsync())
            .Select(m => $"{m.Email} {m.Role} {m.SeatTier} {m.Status} {m.Source} created now: {m.CreatedAt >= start} status changed now: {m.StatusChangedAt >= start}")
            .Order(StringComparer.Ordinal).ToList();
        var entries = (await db.AuditEvents.AsNoTracking().Where(e => e.OccurredAt >= start).ToListAsync())
            .Select(e => $"{e.Action} {e.Target} {e.Actor} {e.ActorPersonId} {e.OrganizationId} {e.ParentOrganizationId} {e.Before} {e.After}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(applied, entries.Count);
        if (transaction is not null && !keep)
        {
            await transaction.RollbackAsync();
        }

        return new Written(memberships, entries);
    }

    private async Task AssertSeatCountersMatchAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await SeatCounters.AssertMatchCountAsync(db);
    }
}

public sealed class SqliteLargePlanApplyTests() : LargePlanApplyTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresLargePlanApplyTests() : LargePlanApplyTests(new PostgresPortalFixture());
