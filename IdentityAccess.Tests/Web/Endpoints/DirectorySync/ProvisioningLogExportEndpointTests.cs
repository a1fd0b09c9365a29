using System.Net;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.DirectorySync;

/// <summary>GET /orgs/{id}/directory-sync/log.csv through the whole HTTP pipeline; each test gets a fresh seeded database.</summary>
public sealed class ProvisioningLogExportEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset _at = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private readonly SqlitePortalFixture _portal = new();
    private Guid _acme;
    private Guid _globex;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        await using var db = await _portal.Factory.CreateDbContextAsync();
        _acme = await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
        _globex = await db.ParentOrganizations.Where(p => p.Name == "Globex").Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private string Url(Guid organizationId, string query = "") => $"/orgs/{organizationId}/directory-sync/log.csv{query}";

    private async Task InsertAsync(params ProvisioningLogEntry[] entries)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        db.ProvisioningLog.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static ProvisioningLogEntry Row(Guid parentId, int minute, int status, string path, string? summary = null, string? errorDetail = null) => new()
    {
        ParentOrganizationId = parentId,
        TokenId = Guid.Empty,
        TokenPrefix = "ia_scim_AbCd",
        OccurredAt = _at.AddMinutes(minute),
        Method = "GET",
        Path = path,
        Status = status,
        Summary = summary,
        ErrorType = status == 404 ? null : status >= 400 ? "invalidValue" : null,
        ErrorDetail = errorDetail,
        CorrelationId = $"corr-{minute}",
        DurationMs = 12,
    };

    private async Task SeedAsync() => await InsertAsync(
        Row(_acme, 0, 201, "/scim/v2/Users", "Created user zed@acme.test; 1 membership change"),
        Row(_acme, 1, 404, "/scim/v2/Users/42", errorDetail: "User 42 not found."),
        Row(_acme, 2, 200, "/scim/v2/Groups?filter=displayName eq \"a, b\"", "1 group matched the filter"),
        Row(_globex, 3, 200, "/scim/v2/Users", "Listed 2 of 2 users"));

    [Fact]
    public async Task Export_Owner_StreamsTheDirectoryNewestFirstAsCsvAttachment()
    {
        await SeedAsync();

        var response = await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(_portal.Demo.AcmeChat));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"acme-corporation-scim-log-{DateTime.UtcNow:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(
            [
                "time_utc,status,method,path,summary,error_type,error_detail,token,correlation_id,duration_ms,channel",
                "2026-11-23T09:32:00.000Z,200,GET,\"/scim/v2/Groups?filter=displayName eq \"\"a, b\"\"\",1 group matched the filter,,,ia_scim_AbCd…,corr-2,12,scim",
                "2026-11-23T09:31:00.000Z,404,GET,/scim/v2/Users/42,,,User 42 not found.,ia_scim_AbCd…,corr-1,12,scim",
                "2026-11-23T09:30:00.000Z,201,GET,/scim/v2/Users,Created user zed@acme.test; 1 membership change,,,ia_scim_AbCd…,corr-0,12,scim",
            ],
            await LinesAsync(response));
    }

    [Fact]
    public async Task Export_ConsoleAdminOfTheSameParent_GetsTheSameDirectory()
    {
        await SeedAsync();

        var lines = await LinesAsync(await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(_portal.Demo.AcmeConsole)));

        Assert.Equal(4, lines.Count);
    }

    [Theory]
    [InlineData("alice@acme.test")] // a parent admin who is no member of Acme Labs
    [InlineData("oscar@acme.test")] // Acme Labs' own top role (Console Admin), not a parent admin
    public async Task Export_ParentAdminOrTheOrganizationsTopRole_GetsTheParentsDirectory(string email)
    {
        await SeedAsync();

        var response = await _portal.CreateClient(_portal.Demo.Person(email)).GetAsync(Url(_portal.Demo.AcmeLabs));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, (await LinesAsync(response)).Count);
    }

    [Theory]
    [InlineData("?errorsOnly=true", new[] { "corr-1" })]
    [InlineData("?status=201", new[] { "corr-0" })]
    [InlineData("?errorsOnly=false&status=200", new[] { "corr-2" })]
    public async Task Export_Filters_AsOnThePage(string query, string[] correlationIds)
    {
        await SeedAsync();

        var lines = await LinesAsync(await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(_portal.Demo.AcmeChat, query)));

        Assert.Equal(correlationIds, lines.Skip(1).Select(l => l.Split(',')[^3]));
    }

    [Fact]
    public async Task Export_SignInRow_HasNoTokenAndItsChannel()
    {
        await InsertAsync(new ProvisioningLogEntry
        {
            ParentOrganizationId = _acme,
            Channel = ProvisioningLogChannel.Sso,
            OccurredAt = _at,
            Method = "SAML",
            Path = "/saml/acs",
            Status = 403,
            ErrorType = "EmailDomainNotVerified",
            ErrorDetail = "not a verified domain",
            CorrelationId = "corr-sso",
            DurationMs = 7,
        });

        var lines = await LinesAsync(await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(_portal.Demo.AcmeChat)));

        Assert.Equal("2026-11-23T09:30:00.000Z,403,SAML,/saml/acs,,EmailDomainNotVerified,not a verified domain,,corr-sso,7,sso", lines[1]);
    }

    [Fact]
    public async Task Export_RowWithPhraseCodes_KeepsTheEnglishSentence_WhateverTheReadersLanguage()
    {
        var (summary, codes) = ProvisioningLogCodes.Both(
            [LogPhrase.Of(LogPhraseCode.UserCreated, "zed@acme.test"), LogPhrase.Of(LogPhraseCode.MembershipChanges, "1")]);
        var row = Row(_acme, 0, 201, "/scim/v2/Users", summary);
        await InsertAsync(new ProvisioningLogEntry
        {
            ParentOrganizationId = row.ParentOrganizationId,
            TokenId = row.TokenId,
            TokenPrefix = row.TokenPrefix,
            OccurredAt = row.OccurredAt,
            Method = row.Method,
            Path = row.Path,
            Status = row.Status,
            Summary = row.Summary,
            TextCodes = codes,
            CorrelationId = row.CorrelationId,
            DurationMs = row.DurationMs,
        });
        var client = _portal.CreateClient(_portal.Demo.Person("alice@acme.test"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pt-BR");

        var lines = await LinesAsync(await client.GetAsync(Url(_portal.Demo.AcmeChat)));

        Assert.Equal("2026-11-23T09:30:00.000Z,201,GET,/scim/v2/Users,Created user zed@acme.test; 1 membership change,,,ia_scim_AbCd…,corr-0,12,scim", lines[1]);
    }

    [Fact]
    public async Task Export_ClientInputStartingLikeAFormula_Defused()
    {
        await InsertAsync(Row(_acme, 0, 400, "/scim/v2/Users", summary: "=HYPERLINK(\"http://evil.test\",\"x\")", errorDetail: "+SUM(A1:A9)"),
            Row(_acme, 1, 400, "@cmd", errorDetail: "-1+1"));

        var lines = await LinesAsync(await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(_portal.Demo.AcmeChat)));

        Assert.Equal("2026-11-23T09:31:00.000Z,400,GET,'@cmd,,invalidValue,'-1+1,ia_scim_AbCd…,corr-1,12,scim", lines[1]);
        Assert.Equal("2026-11-23T09:30:00.000Z,400,GET,/scim/v2/Users,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",invalidValue,'+SUM(A1:A9),ia_scim_AbCd…,corr-0,12,scim", lines[2]);
    }

    [Fact]
    public async Task Export_MoreRowsThanAPage_EveryRowOnce()
    {
        await InsertAsync([.. Enumerable.Range(0, ProvisioningLogReader.ExportPageSize * 2 + 5).Select(i => Row(_acme, i, 200, $"/scim/v2/Users/{i}"))]);

        var lines = await LinesAsync(await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(_portal.Demo.AcmeChat)));

        var ids = lines.Skip(1).Select(l => int.Parse(l.Split(',')[3].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, ProvisioningLogReader.ExportPageSize * 2 + 5).Reverse(), ids);
    }

    [Theory]
    [InlineData("bob@acme.test", "Your role in Acme is Admin.")]           // a chat Admin manages members; the logs are the Owners' and parent admins'
    [InlineData("carol@acme.test", "Your role in Acme is User.")]
    [InlineData("grace@globex.test", "You are not a member of Acme.")]     // the Owner of another parent's organization
    public async Task Export_WithoutViewAuditLog_Returns403WithReason(string email, string reason)
    {
        await SeedAsync();

        var response = await _portal.CreateClient(_portal.Demo.Person(email)).GetAsync(Url(_portal.Demo.AcmeChat));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.DoesNotContain("zed@acme.test", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OtherParentsOwner_SeesOnlyTheirOwnDirectory()
    {
        await SeedAsync();

        var lines = await LinesAsync(await _portal.CreateClient(_portal.Demo.Person("grace@globex.test")).GetAsync(Url(_portal.Demo.GlobexTeam)));

        Assert.Equal("Listed 2 of 2 users", Assert.Single(lines.Skip(1)).Split(',')[4]);
    }

    [Fact]
    public async Task Export_UnknownOrganization_Returns404Page()
    {
        var response = await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SignedOut_IsChallenged()
    {
        var response = await _portal.CreateClient().GetAsync(Url(_portal.Demo.AcmeChat));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<List<string>> LinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 byte order mark, for spreadsheet apps
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return [.. text[..^2].Split("\r\n")];
    }
}
