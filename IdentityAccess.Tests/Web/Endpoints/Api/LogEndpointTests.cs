using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Scim.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/audit-log and /provisioning-log on Kestrel: paged newest first by cursor with nothing
/// repeated or skipped while entries arrive, filtered as the pages filter, exported as the portal's files, bad input
/// as problems; and who must not read them: a User of the organization, a key limited to another organization,
/// another parent's key, no key or a revoked one. Each test has a parent of its own.
/// </summary>
public abstract partial class LogEndpointTests(ApiKestrelPortal portal)
{
    private static readonly DateTimeOffset _start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task<(OwnSettingsOrganization Org, HttpClient Client)> OwnAsync()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        return (org, portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token));
    }

    private static string AuditUrl(Guid organizationId, string query = "") => $"/api/v1/organizations/{organizationId}/audit-log{query}";

    private static string LogUrl(Guid organizationId, string query = "") => $"/api/v1/organizations/{organizationId}/provisioning-log{query}";

    /// <summary>Audit entries of the organization, <paramref name="count"/> of them, the later ones several to an instant (as a Sync now writes them).</summary>
    private async Task<List<AuditEvent>> SeedAuditAsync(OwnSettingsOrganization org, int count, string action = "membership.role_changed",
        bool parent = false, DateTimeOffset? from = null)
    {
        var entries = Enumerable.Range(0, count).Select(i => new AuditEvent
        {
            OccurredAt = (from ?? _start).AddMinutes(i / 3),
            ParentOrganizationId = org.ParentId,
            OrganizationId = parent ? null : org.OrganizationId,
            Actor = "Owner",
            Action = action,
            Target = $"person{i}@{org.Domain}",
            After = $$"""{"role":"Admin","n":{{i}}}""",
        }).ToList();
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.AuditEvents.AddRange(entries);
        await db.SaveChangesAsync();
        return entries;
    }

    private async Task SeedLogAsync(Guid parentId, int count, Func<int, int>? status = null)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.ProvisioningLog.AddRange(Enumerable.Range(0, count).Select(i => new ProvisioningLogEntry
        {
            ParentOrganizationId = parentId,
            OccurredAt = _start.AddSeconds(i),
            Method = "POST",
            Path = "/scim/v2/Users",
            Status = status?.Invoke(i) ?? 201,
            Summary = $"Created user {i}",
            TokenPrefix = "scim_test",
            CorrelationId = $"corr-{i}",
            DurationMs = i,
        }));
        await db.SaveChangesAsync();
    }

    private static async Task<(List<JsonElement> Items, string? Next)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var next = body.GetProperty("nextCursor");
        return ([.. body.GetProperty("items").EnumerateArray()], next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    [Fact]
    public async Task AuditLog_PagesNewestFirst_NothingRepeatedOrSkipped_WhileEntriesArrive()
    {
        var (org, client) = await OwnAsync();
        var seeded = await SeedAuditAsync(org, 10);
        var expected = seeded.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();

        var seen = new List<Guid>();
        var (items, next) = await PageAsync(client, AuditUrl(org.OrganizationId, "?limit=4&action=membership.role_changed"));
        seen.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
        // Entries logged between two pages are newer: they never push an entry already read into the next page.
        await SeedAuditAsync(org, 3, from: _start.AddDays(1));
        var pages = 1;
        while (next is not null && pages++ < 10)
        {
            (items, next) = await PageAsync(client, AuditUrl(org.OrganizationId, $"?limit=4&action=membership.role_changed&cursor={next}"));
            seen.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
        }

        Assert.Equal(expected, seen.Take(expected.Count));
        Assert.Equal(expected.Count, seen.Count);
    }

    [Fact]
    public async Task AuditLog_AnEntryAsItIs_ScopeAndChangedFieldsAsJson()
    {
        var (org, client) = await OwnAsync();
        await SeedAuditAsync(org, 1, action: "scim.token_created", parent: true);

        var (items, next) = await PageAsync(client, AuditUrl(org.OrganizationId, "?action=scim."));

        var entry = Assert.Single(items);
        Assert.Null(next);
        Assert.Equal("parent", entry.GetProperty("scope").GetString());
        Assert.Equal("scim.token_created", entry.GetProperty("action").GetString());
        Assert.Equal("Admin", entry.GetProperty("after").GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task AuditLog_Filters_AsThePageDoes_AndNeverReachesASiblingsEntries()
    {
        var (org, client) = await OwnAsync();
        await SeedAuditAsync(org, 2, action: "membership.removed");
        await SeedAuditAsync(org, 1, action: "sso.connection_enabled", parent: true);
        var sibling = await SiblingAsync(org);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.AuditEvents.Add(new AuditEvent { OccurredAt = _start, ParentOrganizationId = org.ParentId, OrganizationId = sibling, Actor = "Owner", Action = "membership.removed", Target = "x@sibling.test" });
            await db.SaveChangesAsync();
        }

        var (removed, _) = await PageAsync(client, AuditUrl(org.OrganizationId, "?action=membership.removed"));
        var (parentOnly, _) = await PageAsync(client, AuditUrl(org.OrganizationId, "?scope=parent&action=sso."));
        var (person, _) = await PageAsync(client, AuditUrl(org.OrganizationId, $"?person=PERSON1@{org.Domain}"));
        var (period, _) = await PageAsync(client, AuditUrl(org.OrganizationId, "?action=membership.removed&from=2026-11-03"));

        Assert.Equal(2, removed.Count);
        Assert.DoesNotContain(removed, e => e.GetProperty("target").GetString() == "x@sibling.test");
        Assert.Equal("sso.connection_enabled", Assert.Single(parentOnly).GetProperty("action").GetString());
        Assert.Equal($"person1@{org.Domain}", Assert.Single(person).GetProperty("target").GetString());
        Assert.Empty(period);
    }

    [Fact]
    public async Task AuditLog_Export_ThePortalsCsvAndJson_Filtered()
    {
        var (org, client) = await OwnAsync();
        await SeedAuditAsync(org, 3, action: "membership.invited");

        var csv = await client.GetAsync(AuditUrl(org.OrganizationId, "/export?action=membership.invited"));
        var json = await client.GetAsync(AuditUrl(org.OrganizationId, "/export?format=json&action=membership.invited"));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", csv.Headers.CacheControl!.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("time_utc,actor,actor_person_id,action", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        var rows = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), r => Assert.Equal("membership.invited", r.GetProperty("action").GetString()));
    }

    [Theory]
    [InlineData("?cursor=bm90LW91cnM", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?scope=everything", "scope")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("/export?format=xml", "format")]
    [InlineData("/export?scope=everything", "scope")]
    public async Task AuditLog_BadInput_400NamingTheField(string query, string field)
    {
        var (org, client) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.GetAsync(AuditUrl(org.OrganizationId, query)), HttpStatusCode.BadRequest);

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.TryGetProperty("code", out _));
    }

    private async Task<Guid> SiblingAsync(OwnSettingsOrganization org)
    {
        var sibling = new Organization { Name = "Sibling " + Guid.NewGuid().ToString("N")[..6], Plan = OrganizationPlan.Enterprise, ParentOrganizationId = org.ParentId, CreatedAt = _start };
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.Organizations.Add(sibling);
        await db.SaveChangesAsync();
        return sibling.Id;
    }

    private async Task RevokeAsync(Guid parentId, CreatedApiKey key, Guid creator) =>
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(parentId, key.Id, creator));

    private async Task<int> AuditCountAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(e => e.ParentOrganizationId == parentId);
    }
}

public sealed class SqliteLogEndpointTests(ApiKestrelPortal portal) : LogEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresLogEndpointTests(PostgresApiKestrelPortal portal) : LogEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
