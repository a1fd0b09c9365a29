using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Members;

/// <summary>The billing stand-in against the seeded demo (Acme: 10 Premium with 2 used, 20 Standard; Acme Console: 10).</summary>
public abstract class SeatPurchaseTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private SeatPurchase Service => portal.Factory.Services.GetRequiredService<SeatPurchase>();

    private Guid Alice => portal.Demo.Person("alice@acme.test");

    [Fact]
    public async Task SetPurchased_OwnerRaisesPremium_SavesTheNewTotalWithAudit()
    {
        Assert.Empty(await Service.SetPurchasedAsync(portal.Demo.AcmeChat, SeatTier.Premium, 15, Alice));

        var usage = await portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(portal.Demo.AcmeChat);
        Assert.Equal(15, usage.Single(u => u.Tier == SeatTier.Premium).Purchased);
        Assert.Equal(20, usage.Single(u => u.Tier == SeatTier.Standard).Purchased);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "seats.purchased");
        Assert.Equal(("Acme", """{"Tier":"Premium","Purchased":10}""", """{"Tier":"Premium","Purchased":15}"""), (audit.Target, audit.Before, audit.After));
    }

    [Fact]
    public async Task SetPurchased_ConsoleUntiered_ChangesTheOnePool()
    {
        Assert.Empty(await Service.SetPurchasedAsync(portal.Demo.AcmeConsole, null, 3, Alice));

        var usage = await portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(portal.Demo.AcmeConsole);
        Assert.Equal(new SeatUsage(null, 3, 3, 0), Assert.Single(usage));
    }

    [Fact]
    public async Task SetPurchased_BelowSeatsInUse_Refused()
    {
        var errors = await Service.SetPurchasedAsync(portal.Demo.AcmeChat, SeatTier.Premium, 1, Alice);

        Assert.Equal("2 seats are in use; you cannot go below 2.", Assert.IsType<SeatsInUse>(Assert.Single(errors)).Message);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task SetPurchased_ByChatAdmin_RefusedAsOwnersOnly()
    {
        var errors = await Service.SetPurchasedAsync(portal.Demo.AcmeChat, SeatTier.Premium, 30, portal.Demo.Person("bob@acme.test"));

        Assert.StartsWith("This is for the organization's Owners. Your role in Acme is Admin.", Assert.IsType<AccessRefused>(Assert.Single(errors)).Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData(SeatTier.Premium, 5)] // Console seats have no tier
    [InlineData(null, -1)]
    public async Task SetPurchased_InvalidConsoleOrder_Refused(SeatTier? tier, int purchased)
    {
        var errors = await Service.SetPurchasedAsync(portal.Demo.AcmeConsole, tier, purchased, Alice);

        Assert.IsType<ValidationFailed>(Assert.Single(errors));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task SetPurchased_ChatWithoutTier_Refused()
    {
        var errors = await Service.SetPurchasedAsync(portal.Demo.AcmeChat, null, 50, Alice);

        Assert.Equal("Chat organization members need a seat tier.", Assert.Single(errors).Message);
        await AssertNothingWrittenAsync();
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == "seats.purchased"));
        Assert.Equal([2, 5, 5, 10, 10, 20], await db.SeatPools.OrderBy(p => p.Purchased).Select(p => p.Purchased).ToListAsync());
    }
}

public sealed class SqliteSeatPurchaseTests() : SeatPurchaseTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSeatPurchaseTests() : SeatPurchaseTests(new PostgresPortalFixture());
