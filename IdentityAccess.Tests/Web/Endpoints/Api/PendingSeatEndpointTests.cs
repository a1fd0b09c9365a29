using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/pending-seats on Kestrel: the seat queue in the members page's order, paged by cursor, with
/// each tier's seats; bad paging 400; the members page's permission. Who must not start Sync now is in
/// <see cref="SyncRunEndpointTests"/>, which reads this resource too.
/// </summary>
public abstract class PendingSeatEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, string query = "") => $"/api/v1/organizations/{organizationId}/pending-seats{query}";

    private async Task<(SeatQueueOrganization Queue, HttpClient Client)> OwnAsync(int waiting, ApiKeyScope scope = ApiKeyScope.ReadOnly)
    {
        var queue = await SeatQueueOrganization.CreateAsync(portal, waiting);
        return (queue, portal.KeyClient((await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, scope)).Token));
    }

    [Fact]
    public async Task Get_WhoWaitsInOrder_WithTheirTierAndSince_AndEachTiersSeats()
    {
        var (queue, client) = await OwnAsync(waiting: 3);

        var page = await client.GetFromJsonAsync<JsonElement>(Url(queue.Org.OrganizationId));

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(queue.Waiting, items.Select(p => p.GetProperty("email").GetString()));
        Assert.Equal([1, 2, 3], items.Select(p => p.GetProperty("position").GetInt32()));
        Assert.All(items, p => Assert.Equal("Standard", p.GetProperty("tier").GetString()));
        Assert.All(items, p => Assert.NotEqual(Guid.Empty, p.GetProperty("personId").GetGuid()));
        Assert.Equal((3, JsonValueKind.Null), (page.GetProperty("total").GetInt32(), page.GetProperty("nextCursor").ValueKind));
        var standard = page.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("tier").GetString() == "Standard");
        Assert.Equal((0, 0, 0, 3), (standard.GetProperty("purchased").GetInt32(), standard.GetProperty("used").GetInt32(),
            standard.GetProperty("free").GetInt32(), standard.GetProperty("pending").GetInt32()));
        var premium = page.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("tier").GetString() == "Premium");
        Assert.Equal((10, 1, 9), (premium.GetProperty("purchased").GetInt32(), premium.GetProperty("used").GetInt32(), premium.GetProperty("free").GetInt32()));
    }

    [Fact]
    public async Task Get_PagedByCursor_EveryoneOnceInOrder()
    {
        var (queue, client) = await OwnAsync(waiting: 5);

        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(Url(queue.Org.OrganizationId, $"?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("email").GetString()!));
            Assert.Equal(5, page.GetProperty("total").GetInt32());
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Equal(queue.Waiting, seen);
    }

    [Theory]
    [InlineData("?cursor=not-ours", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    public async Task Get_BadPaging_400NamingTheField(string query, string field)
    {
        var (queue, client) = await OwnAsync(waiting: 1);

        var problem = await AssertProblemAsync(await client.GetAsync(Url(queue.Org.OrganizationId, query)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Get_UnknownOrganization_404_CreatorNoLongerAParentAdmin_403()
    {
        var (queue, client) = await OwnAsync(waiting: 1);
        await AssertProblemAsync(await client.GetAsync(Url(Guid.NewGuid())), HttpStatusCode.NotFound);

        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.ParentAdministrators.Where(a => a.ParentOrganizationId == queue.Org.ParentId && a.PersonId == queue.Org.Owner).ExecuteDeleteAsync();
        await AssertProblemAsync(await client.GetAsync(Url(queue.Org.OrganizationId)), HttpStatusCode.Forbidden);
    }
}

public sealed class SqlitePendingSeatEndpointTests(ApiKestrelPortal portal) : PendingSeatEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresPendingSeatEndpointTests(PostgresApiKestrelPortal portal) : PendingSeatEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
