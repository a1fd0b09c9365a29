using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.TestSupport;

/// <summary>
/// The started app handed from one test to the next (<see cref="StartedPortals"/>): the next test must find the
/// database exactly as the app's start left it, whatever the test before wrote, and must not get an app that cannot be
/// put back. Each test gives its fixtures a setting of their own, so no other test class running meanwhile takes
/// the app in between.
/// </summary>
public abstract class StartedPortalsTests
{
    protected abstract PortalFixture NewFixture();

    /// <summary>What a restore must put back, read the same way before and after.</summary>
    private sealed record Content(int People, int Memberships, int AuditEvents, Role AliceInAcme, string Stamps);

    [Fact]
    public async Task NextTest_GetsTheSameApp_OnTheDatabaseAsTheStartLeftIt()
    {
        var configuration = Guid.NewGuid().ToString();
        var first = Fixture(configuration);
        await first.InitializeAsync();
        var started = await ContentAsync(first);
        await using (var db = await first.Factory.CreateDbContextAsync())
        {
            db.People.Add(Person.Create("zoe@acme.test", "Zoe", DateTimeOffset.UtcNow));
            var alice = await db.Memberships.SingleAsync(m => m.OrganizationId == first.Demo.AcmeChat && m.PersonId == first.Demo.Person("alice@acme.test"));
            alice.Role = Role.User;
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Organizations" SET "Name" = 'Renamed'""");
        }

        Assert.NotEqual(started, await ContentAsync(first));
        await first.DisposeAsync();

        var next = Fixture(configuration);
        await next.InitializeAsync();
        try
        {
            Assert.Same(first.Factory, next.Factory);
            Assert.Equal(first.Demo, next.Demo);
            Assert.Equal(started, await ContentAsync(next));
        }
        finally
        {
            await next.DisposeAsync();
        }
    }

    [Fact]
    public async Task TestChangedTheSchema_NextTestFindsNoneOfIt()
    {
        var configuration = Guid.NewGuid().ToString();
        var first = Fixture(configuration);
        await first.InitializeAsync();
        await using (var db = await first.Factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? """
                  CREATE FUNCTION ia_test_refuse_people() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''refused''; END';
                  CREATE TRIGGER ia_test_refuse_people BEFORE INSERT ON "People" FOR EACH ROW EXECUTE FUNCTION ia_test_refuse_people();
                  """
                : """CREATE TRIGGER ia_test_refuse_people BEFORE INSERT ON "People" BEGIN SELECT RAISE(ABORT, 'refused'); END;""");
        }

        await first.DisposeAsync();

        var next = Fixture(configuration);
        await next.InitializeAsync();
        try
        {
            // SQLite's backup brings the schema back with the rows; PostgreSQL's rows-only restore refuses and a new app starts.
            await using var db = await next.Factory.CreateDbContextAsync();
            db.People.Add(Person.Create("zoe@acme.test", "Zoe", DateTimeOffset.UtcNow));
            Assert.Equal(1, await db.SaveChangesAsync());
            if (db.Database.IsNpgsql())
            {
                Assert.NotSame(first.Factory, next.Factory);
            }
        }
        finally
        {
            await next.DisposeAsync();
        }
    }

    [Fact]
    public async Task AppOnATestsClock_GoesToTheNextTestOnThatTestsClock()
    {
        var configuration = Guid.NewGuid().ToString();
        var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var first = Fixture(configuration);
        var firstClock = new FakeTimeProvider(start);
        first.Time = firstClock;
        await first.InitializeAsync();
        var appClock = first.Factory.Services.GetRequiredService<TimeProvider>();
        var ticks = 0;
        using var everyFiveMinutes = appClock.CreateTimer(_ => Interlocked.Increment(ref ticks), null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        firstClock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(12, ticks);
        await first.DisposeAsync();

        var next = Fixture(configuration);
        var nextClock = new FakeTimeProvider(start);
        next.Time = nextClock;
        await next.InitializeAsync();
        try
        {
            Assert.Same(first.Factory, next.Factory);
            Assert.Equal(start, appClock.GetUtcNow()); // the next test's clock, not the hour the first one moved
            firstClock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(12, ticks); // the first test's clock fires nothing in the app any more
            nextClock.Advance(TimeSpan.FromMinutes(4));
            Assert.Equal(12, ticks); // a whole period counted from the hand-over
            nextClock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(13, ticks);
        }
        finally
        {
            await next.DisposeAsync();
        }
    }

    [Fact]
    public async Task AppOnATestsClock_IsNeverHandedToAClockStartingAtAnotherInstant()
    {
        var configuration = Guid.NewGuid().ToString();
        var first = Fixture(configuration);
        first.Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await first.InitializeAsync();
        await first.DisposeAsync();

        var next = Fixture(configuration);
        next.Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)); // the demo seeded a day earlier would not be its own
        await next.InitializeAsync();
        try
        {
            Assert.NotSame(first.Factory, next.Factory);
        }
        finally
        {
            await next.DisposeAsync();
        }
    }

    [Fact]
    public async Task AppOnTheSystemClock_IsNeverHandedToATestWithItsOwnClock()
    {
        var configuration = Guid.NewGuid().ToString();
        var first = Fixture(configuration);
        await first.InitializeAsync();
        await first.DisposeAsync();

        var next = Fixture(configuration);
        next.Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await next.InitializeAsync();
        try
        {
            Assert.NotSame(first.Factory, next.Factory);
        }
        finally
        {
            await next.DisposeAsync();
        }
    }

    private PortalFixture Fixture(string configuration)
    {
        var fixture = NewFixture();
        fixture.Settings["Tests:StartedPortals"] = configuration;
        ClockJumps.QuietBackgroundLoops(fixture.Settings); // a test moves its clock by an hour
        return fixture;
    }

    private static async Task<Content> ContentAsync(PortalFixture portal)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var alice = await db.Memberships.Where(m => m.OrganizationId == portal.Demo.AcmeChat && m.PersonId == portal.Demo.Person("alice@acme.test"))
            .Select(m => m.Role).SingleAsync();
        var stamps = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Name + ":" + o.ConfigurationStamp).ToListAsync();
        return new Content(await db.People.CountAsync(), await db.Memberships.CountAsync(), await db.AuditEvents.CountAsync(), alice, string.Join(',', stamps));
    }
}

public sealed class SqliteStartedPortalsTests : StartedPortalsTests
{
    protected override PortalFixture NewFixture() => new SqlitePortalFixture();
}

[Trait("Category", "Postgres")]
public sealed class PostgresStartedPortalsTests : StartedPortalsTests
{
    protected override PortalFixture NewFixture() => new PostgresPortalFixture();
}
