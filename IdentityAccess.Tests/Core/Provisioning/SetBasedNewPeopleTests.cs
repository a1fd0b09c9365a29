using IdentityAccess.Core.Audit;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>
/// A plan that provisions more than <see cref="PlanApplier.SetBasedFrom"/> directory users who are not a person yet
/// creates the people set-based (a group PATCH of thousands): it must write what the tracked path writes. Acme's chat
/// organization switches to SCIM over a directory of unlinked users: most of them new addresses of a verified domain,
/// and among them addresses outside it, addresses that already are a person (one a hand-made member), and two
/// directory users with one address.
/// </summary>
public abstract class SetBasedNewPeopleTests(PortalFixture portal) : IAsyncLifetime
{
    private const string Verified = "newpeople.test";
    private const int New = PlanApplier.SetBasedFrom + 50;

    private Guid _parentId;

    public async Task InitializeAsync()
    {
        portal.Settings["Provisioning:MassRemoval:Percent"] = "100"; // every change applies, none is staged
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        _parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 100_000));
        var then = DateTimeOffset.UtcNow.AddDays(-1);
        db.VerifiedDomains.Add(SeededDomains.Verified(_parentId, Verified, then));
        var existing = Person.Create($"existing@{Verified}", "Existing", then);
        var handMade = Person.Create($"handmade@{Verified}", "Hand Made", then);
        db.People.AddRange(existing, handMade);
        db.Memberships.Add(new Membership
        {
            OrganizationId = portal.Demo.AcmeChat,
            PersonId = handMade.Id,
            Role = Role.User,
            SeatTier = SeatTier.Standard,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = then,
            StatusChangedAt = then,
        });
        var addresses = Enumerable.Range(0, New).Select(i => ($"new{i}", $"new{i}@{Verified}"))
            .Concat(Enumerable.Range(0, 5).Select(i => ($"outside{i}", $"outside{i}@elsewhere.test")))
            .Append(("existing", $"Existing@{Verified}")).Append(("handmade", $"handmade@{Verified}"))
            .Append(("twin-a", $"twin@{Verified}")).Append(("twin-b", $"TWIN@{Verified}"));
        var order = 0;
        foreach (var (userName, email) in addresses)
        {
            db.DirectoryUsers.Add(new DirectoryUser
            {
                ParentOrganizationId = _parentId,
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                ExternalId = $"ext-{userName}",
                Email = email,
                DisplayName = userName,
                CreatedAt = then.AddTicks(order++),
                UpdatedAt = then,
            });
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task ApplyAsync_ManyNewPeople_WritesWhatTheTrackedPathWrites()
    {
        var setBased = await ApplyAsync(inTransaction: true);
        var tracked = await ApplyAsync(inTransaction: false);

        Assert.Equal(New + 1, setBased.People.Count(p => p.EndsWith("created now: True", StringComparison.Ordinal))); // the twins share one
        Assert.DoesNotContain(setBased.People, p => p.Contains("elsewhere.test", StringComparison.Ordinal));
        var twins = setBased.Links.Where(l => l.StartsWith("twin-", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(2, twins.Count);
        Assert.Single(twins.Distinct()); // one person, whichever of the two the plan met first
        Assert.DoesNotContain("(none)", twins);
        Assert.Contains("outside0 (none)", setBased.Links);
        Assert.Equal(3, setBased.Entries.Count(e => e.StartsWith("person.linked_to_directory", StringComparison.Ordinal))); // existing, handmade, the second twin
        Assert.Equal(tracked.People, setBased.People);
        Assert.Equal(tracked.Links, setBased.Links);
        Assert.Equal(tracked.Memberships, setBased.Memberships);
        Assert.Equal(tracked.Entries, setBased.Entries);
        Assert.Equal(tracked.Changed, setBased.Changed);
    }

    private sealed record Written(IReadOnlyList<string> People, IReadOnlyList<string> Links, IReadOnlyList<string> Memberships, IReadOnlyList<string> Entries,
        MembershipChangeCounts Changed);

    // The switch into SCIM's plan applied straight through PlanApplier: in a transaction the new people take the set-based
    // path (read inside it, checked against the seat counters, then rolled back); without one, the tracked path.
    private async Task<Written> ApplyAsync(bool inTransaction)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync() : null;
        var organizationId = portal.Demo.AcmeChat;
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var plan = ProvisioningRules.Evaluate((await ProvisioningInputLoader.LoadAsync(db, organizationId, draft, CancellationToken.None))!);
        Assert.True(plan.Outcomes.Count(o => o.Person.PersonId is null && o.Changes.Count > 0) >= PlanApplier.SetBasedFrom);
        var start = DateTimeOffset.UtcNow.AddMilliseconds(-1); // SQLite keeps times to 0.1 ms
        var applier = portal.Factory.Services.GetRequiredService<PlanApplier>();
        var domains = await ParentDomains.LoadAsync(db, _parentId, CancellationToken.None);
        var changed = await applier.ApplyAsync(db, plan, _parentId, new AuditActor(null, "test"), domains);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var people = (await db.People.AsNoTracking().Where(p => p.Email.EndsWith(Verified) || p.Email.EndsWith("elsewhere.test"))
                .Select(p => new { p.Email, p.NormalizedEmail, p.DisplayName, p.CreatedAt }).ToListAsync())
            .Select(p => $"{p.Email} {p.NormalizedEmail} {p.DisplayName} created now: {p.CreatedAt >= start}").Order(StringComparer.Ordinal).ToList();
        var links = (await db.DirectoryUsers.AsNoTracking().Where(u => u.ParentOrganizationId == _parentId && u.ExternalId!.StartsWith("ext-"))
                .Select(u => new { u.UserName, Email = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Email).FirstOrDefault() }).ToListAsync())
            .Select(u => $"{u.UserName} {u.Email ?? "(none)"}").Order(StringComparer.Ordinal).ToList();
        var memberships = (await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId)
                .Select(m => new { m.Person!.Email, m.Role, m.SeatTier, m.Status, m.Source, m.RoleBeforeSync, m.CreatedAt, m.StatusChangedAt }).ToListAsync())
            .Select(m => $"{m.Email} {m.Role} {m.SeatTier} {m.Status} {m.Source} {m.RoleBeforeSync} created now: {m.CreatedAt >= start} status changed now: {m.StatusChangedAt >= start}")
            .Order(StringComparer.Ordinal).ToList();
        var entries = (await db.AuditEvents.AsNoTracking().Where(e => e.OccurredAt >= start).ToListAsync())
            .Select(e => $"{e.Action} {e.Target} {e.Actor} {e.ActorPersonId} {e.OrganizationId} {e.ParentOrganizationId} {e.Before} {e.After}")
            .Order(StringComparer.Ordinal).ToList();
        await SeatCounters.AssertMatchCountAsync(db);
        if (transaction is not null)
        {
            await transaction.RollbackAsync();
        }

        return new Written(people, links, memberships, entries, changed);
    }
}

public sealed class SqliteSetBasedNewPeopleTests() : SetBasedNewPeopleTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSetBasedNewPeopleTests() : SetBasedNewPeopleTests(new PostgresPortalFixture());
