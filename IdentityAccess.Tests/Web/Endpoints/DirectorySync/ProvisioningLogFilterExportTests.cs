using System.Net;
using System.Text.Json;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.DirectorySync;

/// <summary>
/// The provisioning log's date range, channel and JSON export, and who may not have them, on both databases: one app
/// per class, each test on its own days of the log.
/// </summary>
public abstract class ProvisioningLogFilterExportTests(PortalFixture portal)
{
    private static int _nextDay;
    private readonly DateTimeOffset _day = new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Interlocked.Add(ref _nextDay, 5));

    private string Day(int offset) => _day.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private string Url(Guid organizationId, string format, string extra = "") =>
        $"/orgs/{organizationId}/directory-sync/log.{format}?from={Day(0)}&to={Day(1)}{extra}";

    private ProvisioningLogEntry Row(int day, int minute, ProvisioningLogChannel channel, int status, string correlationId) => new()
    {
        ParentOrganizationId = portal.Demo.AcmeParent,
        Channel = channel,
        TokenId = channel == ProvisioningLogChannel.Scim ? Guid.Empty : null,
        TokenPrefix = channel == ProvisioningLogChannel.Scim ? "ia_scim_AbCd" : "",
        OccurredAt = _day.AddDays(day).AddMinutes(minute),
        Method = channel == ProvisioningLogChannel.Scim ? "POST" : "SAML",
        Path = channel == ProvisioningLogChannel.Scim ? "/scim/v2/Users" : "/saml/acs",
        Status = status,
        Summary = status < 400 ? $"summary {correlationId}" : null,
        ErrorType = status >= 400 ? "NotInMappedGroup" : null,
        ErrorDetail = status >= 400 ? "frank@acme.test: in no group mapped to a role" : null,
        CorrelationId = correlationId,
        DurationMs = 3,
    };

    private async Task SeedAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.ProvisioningLog.AddRange(
            Row(-1, 0, ProvisioningLogChannel.Sso, 200, "before-range"),
            Row(0, 0, ProvisioningLogChannel.Scim, 201, "scim-created"),
            Row(0, 1, ProvisioningLogChannel.Sso, 200, "sso-accepted"),
            Row(1, 2, ProvisioningLogChannel.Sso, 403, "sso-refused"),
            Row(2, 0, ProvisioningLogChannel.Sso, 200, "after-range"));
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("", new[] { "sso-refused", "sso-accepted", "scim-created" })]
    [InlineData("&channel=sso", new[] { "sso-refused", "sso-accepted" })]
    [InlineData("&channel=SCIM", new[] { "scim-created" })]
    [InlineData("&channel=sso&errorsOnly=true", new[] { "sso-refused" })]
    public async Task Json_DateRangeAndChannel_NewestFirst(string filter, string[] correlationIds)
    {
        await SeedAsync();

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync(Url(portal.Demo.AcmeChat, "json", filter));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"acme-corporation-scim-log-{DateTime.UtcNow:yyyy-MM-dd}.json", response.Content.Headers.ContentDisposition!.FileName);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(correlationIds, json.RootElement.EnumerateArray().Select(e => e.GetProperty("correlation_id").GetString()));
    }

    [Fact]
    public async Task Json_SignInRow_HasItsChannelReasonAndNoToken()
    {
        await SeedAsync();

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync(Url(portal.Demo.AcmeChat, "json", "&status=403"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(("sso", 403, "NotInMappedGroup", "", $"{Day(1)}T00:02:00.000Z"),
            (row.GetProperty("channel").GetString(), row.GetProperty("status").GetInt32(), row.GetProperty("error_type").GetString(),
                row.GetProperty("token").GetString(), row.GetProperty("time_utc").GetString()));
    }

    [Fact]
    public async Task Csv_SameFilterAsJson()
    {
        await SeedAsync();

        var text = await (await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync(Url(portal.Demo.AcmeChat, "csv", "&channel=sso"))).Content.ReadAsStringAsync();

        var lines = text.TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        Assert.Equal(["sso-refused", "sso-accepted"], lines.Skip(1).Select(l => l.Split(',')[^3]));
    }

    [Theory]
    [InlineData("log.csv?from=2026-13-01", "from")]
    [InlineData("log.json?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", "to")]
    [InlineData("log.json?channel=ldap", "channel")]
    [InlineData("log.json?channel=1", "channel")]
    [InlineData("log.csv?status=abc", "status")]
    [InlineData("log.csv?errorsOnly=maybe", "errorsOnly")]
    public async Task BadFilter_Returns400ProblemDetailsNamingTheField(string pathAndQuery, string field)
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/directory-sync/{pathAndQuery}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("oscar@acme.test")] // the top role of a sibling organization, at Acme's address
    [InlineData("bob@acme.test")]   // Acme's Admin
    [InlineData("grace@globex.test")]
    public async Task Json_WithoutViewAuditLogHere_Returns403(string email)
    {
        await SeedAsync();

        var response = await portal.CreateClient(portal.Demo.Person(email)).GetAsync(Url(portal.Demo.AcmeChat, "json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("sso-accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_MemberOfASiblingOrganization_Returns403AtTheirOwnOrganization()
    {
        var response = await portal.CreateClient(portal.Demo.Person("erin@acme.test")).GetAsync(Url(portal.Demo.AcmeConsole, "json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_SignedOutOrWithTheParentsScimToken_IsChallenged()
    {
        await SeedAsync();
        using var scim = await AcmeScimDirectory.ClientForAsync(portal, portal.Demo.AcmeParent);

        foreach (var client in new[] { portal.CreateClient(), scim })
        {
            var response = await client.GetAsync(Url(portal.Demo.AcmeChat, "json"));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("sso-accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteProvisioningLogFilterExportTests(SqlitePortalFixture portal) : ProvisioningLogFilterExportTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresProvisioningLogFilterExportTests(PostgresPortalFixture portal)
    : ProvisioningLogFilterExportTests(portal), IClassFixture<PostgresPortalFixture>;
