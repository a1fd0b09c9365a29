using System.Net;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// What a JIT sign-in reads under its organization's lock, through the real ACS: the seats held, with the counters'
/// changes another writer left unfolded (on PostgreSQL the lock and the fold go in one batch), and a top-role change
/// already held for the person signing in (read by a compiled query).
/// </summary>
public abstract class SamlJitSeatsAndHoldsTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Fact]
    public async Task NoFreeSeat_TheLastOnesTakenByWritesNotFoldedYet_NewcomerWaits_AndTheSignInFoldsTheirCounts()
    {
        await SaveJitAsync(Role.User);
        var purchased = await FillEveryPoolThroughUnfoldedWritesAsync();

        var acs = await SignInAsync("frank@acme.test", "okta-frank", Engineering);

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        Assert.Contains("No seat available", await acs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await Factory.CreateDbContextAsync();
        var frank = await db.Memberships.AsNoTracking().SingleAsync(m => m.OrganizationId == Demo.AcmeChat && m.Person!.Email == "frank@acme.test");
        Assert.Equal(MembershipStatus.PendingSeat, frank.Status);
        // The counters themselves (not the changes beside them) now hold the two writes: the sign-in's lock folded them.
        var counters = await db.SeatHoldings.AsNoTracking().Where(h => h.OrganizationId == Demo.AcmeChat).ToDictionaryAsync(h => h.Tier, h => h.Held);
        Assert.Equal(purchased, counters.Where(c => c.Value != 0).ToDictionary());
    }

    [Fact]
    public async Task LastOwner_SignsInTwiceWithoutTheOwnerGroup_StaysOwner_AndTheDemotionIsHeldOnce()
    {
        await SaveJitAsync(Role.User);

        var first = await SignInAsync("alice@acme.test", "okta-alice", Staff);
        var second = await SignInAsync("alice@acme.test", "okta-alice", Staff); // reads the change the first one held

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        await using var db = await Factory.CreateDbContextAsync();
        var alice = Demo.Person("alice@acme.test");
        var membership = await db.Memberships.AsNoTracking().SingleAsync(m => m.OrganizationId == Demo.AcmeChat && m.PersonId == alice);
        Assert.Equal((Role.Owner, MembershipStatus.Active), (membership.Role, membership.Status));
        var held = Assert.Single(await db.HeldTopRoleChanges.AsNoTracking().Where(h => h.OrganizationId == Demo.AcmeChat).ToListAsync());
        Assert.Equal((alice, Role.User, null), (held.PersonId, held.ToRole, held.ResolvedAt));
    }

    /// <summary>
    /// One seat more in each pool than Acme's members hold, then one new member in each tier written as any other
    /// writer would: on PostgreSQL their counts wait as unfolded changes, which only the next lock folds.
    /// </summary>
    private async Task<Dictionary<string, int>> FillEveryPoolThroughUnfoldedWritesAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        var held = await SeatHoldingCounts.HeldAsync(db, Demo.AcmeChat);
        var now = DateTimeOffset.UtcNow;
        foreach (var tier in new[] { SeatTier.Premium, SeatTier.Standard })
        {
            var purchased = held.GetValueOrDefault(tier.ToString()) + 1;
            await db.SeatPools.Where(p => p.OrganizationId == Demo.AcmeChat && p.Tier == tier).ExecuteUpdateAsync(u => u.SetProperty(p => p.Purchased, purchased));
            var person = Person.Create($"seat-{tier}@acme.test", $"Seat {tier}", now);
            db.People.Add(person);
            db.Memberships.Add(new Membership
            {
                OrganizationId = Demo.AcmeChat,
                PersonId = person.Id,
                Role = Role.User,
                SeatTier = tier,
                Status = MembershipStatus.Active,
                Source = MembershipSource.Manual,
                CreatedAt = now,
                StatusChangedAt = now,
            });
        }

        await db.SaveChangesAsync();
        if (db.Database.IsNpgsql())
        {
            Assert.NotEmpty(await db.SeatHoldingChanges.Where(c => c.OrganizationId == Demo.AcmeChat && c.Delta != 0).ToListAsync());
        }

        return (await SeatHoldingCounts.HeldAsync(db, Demo.AcmeChat)).Where(h => h.Key != SeatHolding.NoTier).ToDictionary();
    }
}

public sealed class SqliteSamlJitSeatsAndHoldsTests() : SamlJitSeatsAndHoldsTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlJitSeatsAndHoldsTests() : SamlJitSeatsAndHoldsTests(new PostgresPortalFixture());
