using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>The seat-holding counters the database keeps by trigger always equal a count of the members.</summary>
public abstract class SeatHoldingsTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Every_kind_of_membership_write_keeps_the_counters_equal_to_a_count()
    {
        await AssertCountersMatchAsync(); // the demo seed, written before and after the migration's backfill
        var org = portal.Demo.AcmeChat;
        var random = new Random(7);
        var ids = new List<Guid>();
        for (var step = 0; step < 60; step++)
        {
            await using var db = await portal.Factory.CreateDbContextAsync();
            switch (ids.Count < 5 ? 0 : random.Next(5))
            {
                case 0:
                    var person = Person.Create($"h{step}@acme.test", $"H {step}", DateTimeOffset.UtcNow);
                    db.People.Add(person);
                    db.Memberships.Add(new Membership
                    {
                        OrganizationId = org,
                        PersonId = person.Id,
                        Role = Role.User,
                        SeatTier = random.Next(2) == 0 ? SeatTier.Premium : SeatTier.Standard,
                        Status = (MembershipStatus)random.Next(5),
                        Source = MembershipSource.Scim,
                    });
                    ids.Add(person.Id);
                    break;
                case 1:
                    var id = ids[random.Next(ids.Count)];
                    var status = (MembershipStatus)random.Next(5);
                    await db.Memberships.Where(m => m.OrganizationId == org && m.PersonId == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status));
                    break;
                case 2:
                    var changed = ids[random.Next(ids.Count)];
                    var row = await db.Memberships.SingleAsync(m => m.OrganizationId == org && m.PersonId == changed);
                    row.SeatTier = row.SeatTier == SeatTier.Premium ? SeatTier.Standard : SeatTier.Premium;
                    row.Status = (MembershipStatus)random.Next(5);
                    break;
                case 3:
                    var gone = ids[random.Next(ids.Count)];
                    await db.Memberships.Where(m => m.OrganizationId == org && m.PersonId == gone).ExecuteDeleteAsync();
                    ids.Remove(gone);
                    break;
                default:
                    await db.Memberships.Where(m => m.OrganizationId == org && m.Source == MembershipSource.Scim)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MembershipStatus.Active));
                    break;
            }

            await db.SaveChangesAsync();
            await AssertCountersMatchAsync();
        }
    }

    private async Task AssertCountersMatchAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var counted = (await db.Memberships.Where(m => m.Status == MembershipStatus.Active || m.Status == MembershipStatus.LoginBlocked)
                .GroupBy(m => new { m.OrganizationId, m.SeatTier }).Select(g => new { g.Key.OrganizationId, g.Key.SeatTier, Count = g.Count() }).ToListAsync())
            .ToDictionary(c => (c.OrganizationId, c.SeatTier?.ToString() ?? SeatHolding.NoTier), c => c.Count);
        var kept = (await db.SeatHoldings.Where(h => h.Held != 0).ToListAsync()).ToDictionary(h => (h.OrganizationId, h.Tier), h => h.Held);
        Assert.Equal(counted.OrderBy(c => c.Key.ToString()), kept.OrderBy(c => c.Key.ToString()));
    }
}

public sealed class SqliteSeatHoldingsTests() : SeatHoldingsTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSeatHoldingsTests() : SeatHoldingsTests(new PostgresPortalFixture());
