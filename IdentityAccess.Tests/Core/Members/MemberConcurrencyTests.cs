using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>Owners acting at the same moment: the checks and the writes they rely on must not interleave.</summary>
public abstract class MemberConcurrencyTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private MemberAdministration Service => portal.Factory.Services.GetRequiredService<MemberAdministration>();

    [Fact]
    public async Task Add_SimultaneousForTheLastSeat_ExactlyOneGetsIt()
    {
        var grace = portal.Demo.Person("grace@globex.test"); // Globex Team: 2 Premium seats, Grace holds one

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            Service.AddAsync(portal.Demo.GlobexTeam, new NewMember($"racer{i}@globex.test", $"Racer {i}", Role.User, SeatTier.Premium), grace))));

        Assert.Single(results, r => r.Count == 0);
        Assert.All(results.Where(r => r.Count > 0), r => Assert.IsType<NoFreeSeat>(Assert.Single(r)));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.GlobexTeam && m.SeatTier == SeatTier.Premium));
    }

    [Fact]
    public async Task ChangeRole_TwoOwnersStepDownAtOnce_OneOwnerRemains()
    {
        var acme = portal.Demo.AcmeChat;
        var (alice, bob) = (portal.Demo.Person("alice@acme.test"), portal.Demo.Person("bob@acme.test"));
        Guid aliceRow, bobRow;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            aliceRow = await db.Memberships.Where(m => m.OrganizationId == acme && m.PersonId == alice).Select(m => m.Id).SingleAsync();
            bobRow = await db.Memberships.Where(m => m.OrganizationId == acme && m.PersonId == bob).Select(m => m.Id).SingleAsync();
        }

        Assert.Empty(await Service.ChangeRoleAsync(acme, bobRow, Role.Owner, SeatTier.Premium, alice));

        var results = await Task.WhenAll(
            Task.Run(() => Service.ChangeRoleAsync(acme, aliceRow, Role.User, SeatTier.Premium, alice)),
            Task.Run(() => Service.ChangeRoleAsync(acme, bobRow, Role.User, SeatTier.Premium, bob)));

        Assert.Single(results, r => r.Count == 0);
        Assert.IsType<NoTopRoleLeft>(Assert.Single(results.Single(r => r.Count > 0)));
        await using var check = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await check.Memberships.CountAsync(m => m.OrganizationId == acme && m.Role == Role.Owner && m.Status == MembershipStatus.Active));
    }
}

public sealed class SqliteMemberConcurrencyTests() : MemberConcurrencyTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresMemberConcurrencyTests() : MemberConcurrencyTests(new PostgresPortalFixture());
