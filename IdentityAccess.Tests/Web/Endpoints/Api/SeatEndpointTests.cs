using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/seats on Kestrel: each pool's seats as the members page shows them, and its Buy seats
/// (the total of a tier, or of a Console organization's untiered seats), audited with the key's name; never below the
/// seats in use; the purchase admits nobody until Sync now, as on the page; and who must not. Each test has an
/// organization of its own: 10 Premium seats (the Owner holds one) and 20 Standard (Carol and Dave hold two).
/// </summary>
public abstract class SeatEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, string tier = "") => $"/api/v1/organizations/{organizationId}/seats" + (tier.Length > 0 ? "/" + tier : "");

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Purchased(int purchased) => Body($$"""{"purchased":{{purchased}}}""");

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private async Task<int> PurchasedAsync(Guid organizationId, SeatTier? tier)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.SeatPools.Where(p => p.OrganizationId == organizationId && p.Tier == tier).Select(p => p.Purchased).SingleAsync();
    }

    private async Task<List<string>> PurchaseAuditAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.OrganizationId == organizationId && e.Action == "seats.purchased").Select(e => e.ViaApiKey ?? "").ToListAsync();
    }

    private static (string? Tier, int Purchased, int Used, int Free, int Pending) Seats(JsonElement pool) => (pool.GetProperty("tier").GetString(),
        pool.GetProperty("purchased").GetInt32(), pool.GetProperty("used").GetInt32(), pool.GetProperty("free").GetInt32(), pool.GetProperty("pending").GetInt32());

    private static IEnumerable<string?> Codes(JsonElement problem) => problem.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("code").GetString());

    [Fact]
    public async Task List_EachTier_BoughtUsedFreeAndWaitedFor()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        var list = await client.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId));

        Assert.Equal([("Premium", 10, 1, 9, 0), ("Standard", 20, 2, 18, 0)], list.GetProperty("items").EnumerateArray().Select(Seats));
        Assert.Equal(JsonValueKind.Null, list.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Buy_SetsTheTiersTotal_AnsweredWithItsSeats_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PutAsync(Url(org.OrganizationId, "standard"), Purchased(25));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Standard", 25, 2, 23, 0), Seats(await response.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(25, await PurchasedAsync(org.OrganizationId, SeatTier.Standard));
        Assert.Equal([$"{key.Name} ({key.Prefix})"], await PurchaseAuditAsync(org.OrganizationId));
    }

    [Fact]
    public async Task Buy_BelowTheSeatsInUse_400SeatsInUse_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PutAsync(Url(org.OrganizationId, "Standard"), Purchased(1)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("purchased", out _));
        Assert.Equal(["SeatsInUse"], Codes(problem));
        Assert.Equal(20, await PurchasedAsync(org.OrganizationId, SeatTier.Standard));
        Assert.Empty(await PurchaseAuditAsync(org.OrganizationId));
    }

    [Theory]
    [InlineData("Gold", """{"purchased":5}""", "tier")]
    [InlineData("1", """{"purchased":5}""", "tier")]
    [InlineData("", """{"purchased":5}""", "tier")]
    [InlineData("Standard", """{}""", "purchased")]
    [InlineData("Standard", """{"purchased":-1}""", "purchased")]
    [InlineData("Standard", """{"purchased":1000001}""", "purchased")]
    public async Task Buy_BadTierOrTotal_400NamingTheField_NothingChanged(string tier, string json, string field)
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PutAsync(Url(org.OrganizationId, tier), Body(json)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal((10, 20), (await PurchasedAsync(org.OrganizationId, SeatTier.Premium), await PurchasedAsync(org.OrganizationId, SeatTier.Standard)));
    }

    [Fact]
    public async Task ConsoleOrganization_BuysItsUntieredSeats_ATierIs400NoSeatTiers()
    {
        var (org, client, _) = await OwnAsync();
        var console = new Organization { Name = $"Console {Guid.NewGuid():N}"[..16], Plan = OrganizationPlan.Console, ParentOrganizationId = org.ParentId, CreatedAt = DateTimeOffset.UtcNow };
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.Organizations.Add(console);
            db.SeatPools.Add(new SeatPool { OrganizationId = console.Id, Tier = null, Purchased = 5 });
            db.Memberships.Add(new Membership
            {
                OrganizationId = console.Id,
                PersonId = org.Owner,
                Role = Role.Admin,
                Status = MembershipStatus.Active,
                Source = MembershipSource.Manual,
                CreatedAt = DateTimeOffset.UtcNow,
                StatusChangedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var tiered = await AssertProblemAsync(await client.PutAsync(Url(console.Id, "Premium"), Purchased(12)), HttpStatusCode.BadRequest);
        Assert.Equal(["NoSeatTiers"], Codes(tiered));
        var response = await client.PutAsync(Url(console.Id), Purchased(12));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(((string?)null, 12, 1, 11, 0), Seats(await response.Content.ReadFromJsonAsync<JsonElement>()));
        // A chat organization's seats have tiers: which one is asked for.
        var untiered = await AssertProblemAsync(await client.PutAsync(Url(org.OrganizationId), Purchased(12)), HttpStatusCode.BadRequest);
        Assert.Equal(["TierRequired"], Codes(untiered));
    }

    [Fact]
    public async Task Buy_AdmitsNobodyByItself_AsOnThePage_ThenSyncNowAdmitsTheFirstWaiting()
    {
        var queue = await SeatQueueOrganization.CreateAsync(portal, 3);
        var client = portal.KeyClient((await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, ApiKeyScope.ReadWrite)).Token);
        var id = queue.Org.OrganizationId;

        var bought = await client.PutAsync(Url(id, "Standard"), Purchased(2));

        Assert.Equal(("Standard", 2, 0, 2, 3), Seats(await bought.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}/pending-seats")).GetProperty("total").GetInt32());

        var sync = await client.PostAsync($"/api/v1/organizations/{id}/sync", null);
        Assert.Equal("Succeeded", (await SyncRunEndpointTests.PollAsync(client, sync.Headers.Location!.OriginalString)).GetProperty("state").GetString());

        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}/pending-seats");
        Assert.Equal([queue.Waiting[2]], waiting.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("email").GetString()));
        var standard = (await client.GetFromJsonAsync<JsonElement>(Url(id))).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("tier").GetString() == "Standard");
        Assert.Equal(("Standard", 2, 2, 0, 1), Seats(standard));
    }

    [Fact]
    public async Task AChatAdmin_SeesTheSeats_ButOnlyTheOwnerBuys_403()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var carol = await ChatAdminKey.CarolsAsync(portal, org);

        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync(Url(org.OrganizationId))).StatusCode);
        await AssertProblemAsync(await carol.PutAsync(Url(org.OrganizationId, "Standard"), Purchased(25)), HttpStatusCode.Forbidden);
        Assert.Equal(20, await PurchasedAsync(org.OrganizationId, SeatTier.Standard));
    }

    [Fact]
    public async Task WhoMustNot_EachRefused_NothingBought()
    {
        var (org, _, _) = await OwnAsync();
        var callers = await RefusedApiCallers.CreateAsync(portal, org);

        await callers.AssertEachRefusedAsync(client => client.GetAsync(Url(org.OrganizationId)), isRead: true);
        await callers.AssertEachRefusedAsync(client => client.PutAsync(Url(org.OrganizationId, "Standard"), Purchased(25)));

        Assert.Equal(20, await PurchasedAsync(org.OrganizationId, SeatTier.Standard));
        Assert.Empty(await PurchaseAuditAsync(org.OrganizationId));
    }
}

public sealed class SqliteSeatEndpointTests(ApiKestrelPortal portal) : SeatEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresSeatEndpointTests(PostgresApiKestrelPortal portal) : SeatEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
