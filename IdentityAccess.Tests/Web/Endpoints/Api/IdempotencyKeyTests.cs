using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs, on Kestrel: a retry of an apply whose answer was lost gets the first
/// answer and saves nothing twice; the same key with another body, a key still being answered, a malformed key; and
/// keys are per API key, so another key sending the same value does its own work and never reads the first answer.
/// </summary>
public abstract class IdempotencyKeyTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, string action) => $"/api/v1/organizations/{organizationId}/identity-access{action}";

    private static HttpRequestMessage Post(string url, JsonNode body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private static JsonObject ScimBody(OwnSettingsOrganization org, string? fingerprint = null, int? confirm = null)
    {
        var body = new JsonObject
        {
            ["mode"] = "Scim",
            ["advancedGroupMappings"] = false,
            ["roleMappings"] = new JsonArray(),
            ["tierMappings"] = new JsonArray(),
            ["breakGlassPersonId"] = org.Owner,
        };
        if (fingerprint is not null)
        {
            body["fingerprint"] = fingerprint;
            body["confirm"] = confirm;
        }

        return body;
    }

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key, JsonObject Apply)> ReadyToApplyAsync()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite);
        var client = portal.KeyClient(key.Token);
        var dryRun = await client.SendAsync(Post(Url(org.OrganizationId, "/dry-run"), ScimBody(org), null));
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var fingerprint = (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fingerprint").GetString();
        return (org, client, key, ScimBody(org, fingerprint, confirm: 2));
    }

    private async Task<(int Version, int SettingsAudits)> SavedAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return (await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.SettingsVersion).SingleAsync(),
            await db.AuditEvents.CountAsync(e => e.OrganizationId == organizationId && e.Action == "provisioning.settings_changed"));
    }

    [Fact]
    public async Task Apply_RetriedWithTheSameKey_GetsTheFirstAnswer_AndSavesOnce()
    {
        var (org, client, _, apply) = await ReadyToApplyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey));
        var retry = await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", retry.Content.Headers.ContentType?.ToString());
        Assert.Equal((2, 1), await SavedAsync(org.OrganizationId)); // one save, one audit entry

        // Without the key the same body is a new request: its fingerprint no longer holds (the settings moved on).
        await AssertProblemAsync(await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, null)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Refusal_IsKeptToo_ARetryGetsTheSame422_WithoutRunningAgain()
    {
        var (org, client, _, apply) = await ReadyToApplyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        apply["confirm"] = 1;

        var first = await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey));
        var retry = await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((1, 0), await SavedAsync(org.OrganizationId));
    }

    [Fact]
    public async Task SameKey_AnotherBody_422_NothingSaved()
    {
        var (org, client, _, apply) = await ReadyToApplyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post(Url(org.OrganizationId, "/dry-run"), ScimBody(org), idempotencyKey))).StatusCode);

        var problem = await AssertProblemAsync(await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey)), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("another request", problem.GetProperty("detail").GetString());
        Assert.Equal((1, 0), await SavedAsync(org.OrganizationId));
    }

    [Fact]
    public async Task KeyStillBeingAnswered_409WithRetryAfter_NothingSaved()
    {
        var (org, client, key, apply) = await ReadyToApplyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        var first = await client.SendAsync(Post(Url(org.OrganizationId, "/dry-run"), ScimBody(org), idempotencyKey));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            // As if the first request were still running on another instance.
            await db.ApiIdempotencyRecords.Where(r => r.ApiKeyId == key.Id && r.Key == idempotencyKey)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, (DateTimeOffset?)null).SetProperty(r => r.Status, (int?)null));
        }

        var response = await client.SendAsync(Post(Url(org.OrganizationId, "/dry-run"), ScimBody(org), idempotencyKey));

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal((1, 0), await SavedAsync(org.OrganizationId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("del\u007fcharacter")]
    public async Task MalformedKey_400_NothingSaved(string idempotencyKey)
    {
        var (org, client, _, apply) = await ReadyToApplyAsync();

        await AssertProblemAsync(await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey)), HttpStatusCode.BadRequest);

        Assert.Equal((1, 0), await SavedAsync(org.OrganizationId));
    }

    [Fact]
    public async Task KeyOf256Characters_400()
    {
        var (org, client, _, apply) = await ReadyToApplyAsync();

        await AssertProblemAsync(await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, new string('k', 256))), HttpStatusCode.BadRequest);
    }

    // Who must not: another API key (here of the same parent, read-write) reading the first key's answer by sending its
    // Idempotency-Key. It gets its own answer, computed for it; the first key's record is untouched.
    [Fact]
    public async Task AnotherApiKey_SameIdempotencyKey_NeverGetsTheFirstAnswer()
    {
        var (org, client, _, apply) = await ReadyToApplyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey))).StatusCode);
        var other = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite)).Token);

        var response = await other.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey));

        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        await AssertProblemAsync(response, HttpStatusCode.Conflict); // its own run: the dry run it names is outdated now
        Assert.Equal((2, 1), await SavedAsync(org.OrganizationId));
    }

    // Who must not: a caller without a valid key learns nothing about a key's records (no replay, no 409/422).
    [Fact]
    public async Task NoValidKey_401_BeforeAnyIdempotencyRecordIsRead()
    {
        var (org, client, _, apply) = await ReadyToApplyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey))).StatusCode);

        var response = await portal.KeyClient(null).SendAsync(Post(Url(org.OrganizationId, "/apply"), apply, idempotencyKey));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task ExpiredRecord_IsNotReplayed_TheRequestRunsAgain()
    {
        var (org, client, key, _) = await ReadyToApplyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post(Url(org.OrganizationId, "/dry-run"), ScimBody(org), idempotencyKey))).StatusCode);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ApiIdempotencyRecords.Where(r => r.ApiKeyId == key.Id && r.Key == idempotencyKey)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var response = await client.SendAsync(Post(Url(org.OrganizationId, "/dry-run"), ScimBody(org), idempotencyKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
    }
}

public sealed class SqliteIdempotencyKeyTests(ApiKestrelPortal portal) : IdempotencyKeyTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresIdempotencyKeyTests(PostgresApiKestrelPortal portal) : IdempotencyKeyTests(portal), IClassFixture<PostgresApiKestrelPortal>;
