using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Scim;

/// <summary>The per-directory token bucket, configured tiny (3 requests, refilled hourly) so a test can empty it.</summary>
public sealed class ScimRateLimitTests : IAsyncLifetime
{
    private const int Burst = 3;
    private readonly SqliteTestDatabase _database = new();
    private IdentityAccessWebFactory _factory = default!;
    private WebApplicationFactory<Program> _app = default!;

    public async Task InitializeAsync()
    {
        _factory = new IdentityAccessWebFactory(_database);
        _app = _factory.WithWebHostBuilder(b => b
            .UseSetting("Scim:RateLimit:TokenLimit", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Scim:RateLimit:TokensPerPeriod", "1")
            .UseSetting("Scim:RateLimit:ReplenishmentPeriod", "01:00:00"));
        _ = _app.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<HttpClient> ClientForAsync(string parentName)
    {
        Guid parentId;
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync())
        {
            parentId = await db.ParentOrganizations.Where(p => p.Name == parentName).Select(p => p.Id).SingleAsync();
            // Globex's Team plan has no directory sync: on Enterprise, its directory is one more to throttle apart.
            await db.ParentOrganizations.Where(p => p.Id == parentId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, ParentPlan.Enterprise));
        }

        var (token, _) = await _app.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, new AuditActor(null, "test"));
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
        return client;
    }

    private static async Task EmptyTheBucketAsync(HttpClient client)
    {
        for (var i = 0; i < Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scim/v2/Users?count=1")).StatusCode);
        }
    }

    [Fact]
    public async Task BucketEmpty_429WithRetryAfterAndScimErrorBody_AndLogged()
    {
        var acme = await ClientForAsync("Acme Corporation");
        await EmptyTheBucketAsync(acme);

        var throttled = await acme.GetAsync("/scim/v2/Users?count=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/scim+json", throttled.Content.Headers.ContentType!.MediaType);
        var retryAfter = throttled.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)); // one token back within the hour
        var body = JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!;
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body["schemas"]![0]!.GetValue<string>());
        Assert.Equal("429", body["status"]!.GetValue<string>()); // a string, RFC 7644 §3.12
        Assert.Contains("Retry after", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await _app.Services.FlushProvisioningLogAsync();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<IdentityAccessDbContext>>().CreateDbContextAsync();
        Assert.Equal(429, await db.ProvisioningLog.OrderByDescending(e => e.Id).Select(e => e.Status).FirstAsync());
    }

    [Theory]
    [InlineData("/scim/v2/ServiceProviderConfig")]
    [InlineData("/scim/v2/ResourceTypes")]
    [InlineData("/scim/v2/Schemas")]
    public async Task Discovery_NeverThrottled(string url)
    {
        var acme = await ClientForAsync("Acme Corporation");
        await EmptyTheBucketAsync(acme);

        for (var i = 0; i < Burst * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await acme.GetAsync("/scim/v2/Groups")).StatusCode);
    }

    [Fact]
    public async Task AnotherDirectory_HasItsOwnBucket()
    {
        var acme = await ClientForAsync("Acme Corporation");
        var globex = await ClientForAsync("Globex");
        await EmptyTheBucketAsync(acme);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await acme.GetAsync("/scim/v2/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await globex.GetAsync("/scim/v2/Users")).StatusCode);
    }

    [Fact]
    public async Task BucketEmpty_WrongToken_Still401()
    {
        await EmptyTheBucketAsync(await ClientForAsync("Acme Corporation"));
        var stranger = _app.CreateClient();
        stranger.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer ia_scim_wrong");

        var response = await stranger.GetAsync("/scim/v2/Users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("401", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public void DefaultLimit_FarAboveEntraGalleryRate()
    {
        var defaults = new IdentityAccess.Web.Endpoints.Scim.ScimRateLimitOptions();

        // Entra's gallery bar is 25 requests a second per tenant; the default allows four times that, with a large burst.
        Assert.True(defaults.TokensPerPeriod / defaults.ReplenishmentPeriod.TotalSeconds >= 100);
        Assert.True(defaults.TokenLimit >= 1_000);
    }
}
