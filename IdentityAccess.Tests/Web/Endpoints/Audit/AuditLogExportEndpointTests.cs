using System.Net;
using System.Text.Json;
using IdentityAccess.Core.Audit;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Audit;

/// <summary>
/// GET /orgs/{id}/audit/log.csv|json through the whole HTTP pipeline, on one app per class: each test writes its
/// events on its own days and exports only those days, so tests do not see each other's rows.
/// </summary>
public abstract class AuditLogExportEndpointTests(PortalFixture portal) : IAsyncLifetime
{
    private static int _nextDay;
    private readonly DateTimeOffset _day = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Interlocked.Add(ref _nextDay, 5));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    private string Day(int offset) => _day.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private string Url(Guid organizationId, string format = "csv", string extra = "") =>
        $"/orgs/{organizationId}/audit/log.{format}?from={Day(0)}&to={Day(1)}{extra}"; // days, both included

    private AuditEvent Event(int day, int minute, string action, string target, Guid? organizationId, string actor = "Alice Anders", string? after = null) => new()
    {
        OccurredAt = _day.AddDays(day).AddMinutes(minute),
        Actor = actor,
        Action = action,
        Target = target,
        OrganizationId = organizationId,
        ParentOrganizationId = portal.Demo.AcmeParent,
        After = after,
    };

    private async Task InsertAsync(params AuditEvent[] events)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync();
    }

    private async Task SeedAsync() => await InsertAsync(
        Event(0, 1, "membership.role_changed", "carol@acme.test", portal.Demo.AcmeChat, after: "{\"Role\":\"Admin\"}"),
        Event(1, 1, "seats.bought", "=HYPERLINK(\"http://evil.test\")", portal.Demo.AcmeChat, actor: "Bob Brown"),
        Event(2, 0, "membership.removed", "later@acme.test", portal.Demo.AcmeChat),               // the day after the range
        Event(1, 2, "sso.connection_changed", "Acme Corporation", null),                          // the parent's, shown in its organizations
        Event(1, 3, "membership.added", "console@acme.test", portal.Demo.AcmeConsole));           // a sibling organization's

    [Fact]
    public async Task Csv_Owner_TheRangeNewestFirst_WithParentEvents_NotASiblingsOrOutsideTheRange()
    {
        await SeedAsync();

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync(Url(portal.Demo.AcmeChat));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"acme-audit-log-{DateTime.UtcNow:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var lines = await CsvLinesAsync(response);
        Assert.Equal("time_utc,actor,actor_person_id,action,target,scope,before,after,id,via_api_key", lines[0]);
        Assert.Equal(["sso.connection_changed", "seats.bought", "membership.role_changed"], lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.StartsWith($"{Day(1)}T00:01:00.000Z,Bob Brown,,seats.bought,\"'=HYPERLINK(\"\"http://evil.test\"\")\",organization,,,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",parent,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&action=membership.", new[] { "membership.role_changed" })]
    [InlineData("&actor=bob", new[] { "seats.bought" })]
    [InlineData("&scope=parent", new[] { "sso.connection_changed" })]
    [InlineData("&scope=organization", new[] { "seats.bought", "membership.role_changed" })]
    public async Task Csv_Filters_AsOnThePage(string filter, string[] actions)
    {
        await SeedAsync();

        var lines = await CsvLinesAsync(await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync(Url(portal.Demo.AcmeChat, extra: filter)));

        Assert.Equal(actions, lines.Skip(1).Select(l => l.Split(',')[3]));
    }

    [Fact]
    public async Task Json_ParentAdmin_AnArrayOfEvents_BeforeAndAfterAsObjects()
    {
        await SeedAsync();

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync(Url(portal.Demo.AcmeChat, "json", "&action=membership.role_changed"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("carol@acme.test", entry.GetProperty("target").GetString());
        Assert.Equal("Admin", entry.GetProperty("after").GetProperty("Role").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task Csv_ThousandsOfRows_StreamedEveryRowOnce()
    {
        const int count = 3_000;
        await InsertAsync([.. Enumerable.Range(0, count).Select(i => Event(0, 0, "bulk.row", $"row-{i}@acme.test", portal.Demo.AcmeChat))]);
        using var client = portal.CreateClient(portal.Demo.Person("alice@acme.test"));

        using var response = await client.GetAsync(Url(portal.Demo.AcmeChat, extra: "&action=bulk."), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength); // written as read, not buffered to learn its length
        var targets = (await CsvLinesAsync(response)).Skip(1).Select(l => l.Split(',')[4]).ToHashSet();
        Assert.Equal(count, targets.Count);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?from=2026-11-24&to=2026-11-23", "to")]
    [InlineData("?to=2026-11-23T10:00:00", "to")]           // no offset: which instant is meant is unknown
    [InlineData("?from=2026-02-30", "from")]
    [InlineData("?scope=everyone", "scope")]
    public async Task BadFilter_Returns400ProblemDetailsNamingTheField(string query, string field)
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/audit/log.json{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("bob@acme.test")]    // Acme's Admin: manages members, the logs are the top role's and parent admins'
    [InlineData("carol@acme.test")]  // a User of Acme
    [InlineData("oscar@acme.test")]  // the top role of a sibling organization (Acme Labs), no parent admin
    [InlineData("erin@acme.test")]   // a member of a sibling organization (Acme Console)
    [InlineData("grace@globex.test")] // the Owner of another parent's organization
    public async Task Export_WithoutViewAuditLogHere_Returns403_WithNoEvent(string email)
    {
        await SeedAsync();

        foreach (var format in new[] { "csv", "json" })
        {
            var response = await portal.CreateClient(portal.Demo.Person(email)).GetAsync(Url(portal.Demo.AcmeChat, format));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("carol@acme.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_SignedOutOrWithAScimToken_IsChallenged_WithNoEvent()
    {
        await SeedAsync();
        using var scim = await AcmeScimDirectory.ClientForAsync(portal, portal.Demo.AcmeParent); // a valid token of this very parent

        foreach (var client in new[] { portal.CreateClient(), scim })
        {
            var response = await client.GetAsync(Url(portal.Demo.AcmeChat));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("carol@acme.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_UnknownOrganization_Returns404()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync(Url(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<List<string>> CsvLinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return [.. text[..^2].Split("\r\n")];
    }
}

public sealed class SqliteAuditLogExportEndpointTests(SqlitePortalFixture portal) : AuditLogExportEndpointTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresAuditLogExportEndpointTests(PostgresPortalFixture portal) : AuditLogExportEndpointTests(portal), IClassFixture<PostgresPortalFixture>;
