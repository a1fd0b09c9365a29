using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>The seat-holding and listed-member counters the database keeps by trigger always equal a count of the members.</summary>
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
            switch (ids.Count < 5 ? 0 : random.Next(6))
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
                case 4:
                    await SeatHoldingCounts.FoldAsync(db, org); // what every writer does under the organization's lock
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

    // PostgreSQL sums each statement's rows into one change per organization and tier (statement triggers over
    // transition tables, issue 19): statements of many rows moving both ways across tiers and statuses must still add up.
    [Fact]
    public async Task Statements_of_many_rows_moving_both_ways_keep_the_counters_equal_to_a_count()
    {
        var org = portal.Demo.AcmeChat;
        var statuses = Enum.GetValues<MembershipStatus>();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            for (var i = 0; i < 40; i++)
            {
                var person = Person.Create($"many{i}@acme.test", $"Many {i}", DateTimeOffset.UtcNow);
                db.People.Add(person);
                db.Memberships.Add(new Membership
                {
                    OrganizationId = org,
                    PersonId = person.Id,
                    Role = Role.User,
                    SeatTier = i % 3 == 0 ? SeatTier.Premium : SeatTier.Standard,
                    Status = statuses[i % statuses.Length],
                    Source = MembershipSource.Scim,
                });
            }

            await db.SaveChangesAsync();
        }

        await AssertCountersMatchAsync();
        IQueryable<Membership> Many(IQueryable<Membership> rows) => rows.Where(m => m.OrganizationId == org && m.Person!.Email.StartsWith("many"));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            // One statement: every tier swapped, and held, listed and removed people each moved to another status.
            await Many(db.Memberships).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SeatTier, m => m.SeatTier == SeatTier.Premium ? SeatTier.Standard : SeatTier.Premium)
                .SetProperty(m => m.Status, m => m.Status == MembershipStatus.Active ? MembershipStatus.Removed
                    : m.Status == MembershipStatus.Removed ? MembershipStatus.Invited : MembershipStatus.Active));
        }

        await AssertCountersMatchAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await Many(db.Memberships).Where(m => m.SeatTier == SeatTier.Standard).ExecuteDeleteAsync();
        }

        await AssertCountersMatchAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await SeatHoldingCounts.FoldAsync(db, org);
        }

        await AssertCountersMatchAsync();
    }

    [Fact]
    public async Task Writers_that_fold_while_others_write_lose_no_change()
    {
        var org = portal.Demo.AcmeChat;
        var writers = Enumerable.Range(0, 8).Select(async writer =>
        {
            for (var step = 0; step < 15; step++)
            {
                await using var db = await portal.Factory.CreateDbContextAsync();
                await using var transaction = await db.Database.BeginTransactionAsync();
                if (step % 3 == 0)
                {
                    await SeatHoldingCounts.FoldAsync(db, org); // without the organization's lock: a fold may meet another
                }

                var person = Person.Create($"w{writer}-{step}@acme.test", $"W {writer} {step}", DateTimeOffset.UtcNow);
                db.People.Add(person);
                db.Memberships.Add(new Membership
                {
                    OrganizationId = org,
                    PersonId = person.Id,
                    Role = Role.User,
                    SeatTier = SeatTier.Standard,
                    Status = MembershipStatus.Active,
                    Source = MembershipSource.Scim,
                });
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        });
        await Task.WhenAll(writers);

        await AssertCountersMatchAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await SeatHoldingCounts.FoldAsync(db, org);
        }

        await AssertCountersMatchAsync();
    }

    private async Task AssertCountersMatchAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        await SeatCounters.AssertMatchCountAsync(db);
    }
}

public sealed class SqliteSeatHoldingsTests() : SeatHoldingsTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSeatHoldingsTests() : SeatHoldingsTests(new PostgresPortalFixture());
