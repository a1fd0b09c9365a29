using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/domains on Kestrel, its DNS checks answered by a dnsmasq of the fixture's (never public DNS): add a domain
/// and get its TXT record, publish it and verify, a failed check said as what was found, the removal's impact and its
/// typed confirmation. Who must not is <c>DomainEndpointTests.WhoMustNot.cs</c>. Each test has a parent of its own.
/// </summary>
public abstract partial class DomainEndpointTests(ApiDnsKestrelPortal portal)
{
    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private static string NewDomain() => $"d{Guid.NewGuid().ToString("N")[..10]}.example";

    private static async Task<JsonElement> AddAsync(HttpClient client, string domain)
    {
        var response = await client.PostAsync("/api/v1/domains", JsonContent.Create(new { domain }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Dictionary<string, DomainStatus>> DomainsAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.VerifiedDomains.Where(d => d.ParentOrganizationId == parentId).ToDictionaryAsync(d => d.Domain, d => d.Status);
    }

    private async Task<int> DomainAuditAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(e => e.ParentOrganizationId == parentId && e.Action.StartsWith("domain."));
    }

    [Fact]
    public async Task Add_201WithTheTxtRecordToPublish_ListedPending_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();
        var name = NewDomain();

        var added = await AddAsync(client, " " + name.ToUpperInvariant() + ". ");

        Assert.Equal(name, added.GetProperty("name").GetString());
        Assert.Equal("Pending", added.GetProperty("status").GetString());
        var record = added.GetProperty("txtRecord");
        Assert.Equal((name, "TXT"), (record.GetProperty("name").GetString(), record.GetProperty("type").GetString()));
        Assert.StartsWith(DomainChallenge.RecordPrefix, record.GetProperty("value").GetString(), StringComparison.Ordinal);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/domains");
        var listed = list.GetProperty("items").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal(("Verified", JsonValueKind.Null), (listed[org.Domain].GetProperty("status").GetString(), listed[org.Domain].GetProperty("txtRecord").ValueKind));
        Assert.Equal(added.GetProperty("id").GetGuid(), listed[name].GetProperty("id").GetGuid());
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "domain.added");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task Verify_OnceTheRecordIsPublished_Verified()
    {
        var (org, client, _) = await OwnAsync();
        var added = await AddAsync(client, NewDomain());
        var (name, value) = (added.GetProperty("name").GetString()!, added.GetProperty("txtRecord").GetProperty("value").GetString()!);
        await portal.PublishAsync(name, "google-site-verification=something-else");
        await portal.PublishAsync(name, value);

        var response = await client.PostAsync($"/api/v1/domains/{added.GetProperty("id").GetGuid()}/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verification = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verification.GetProperty("verified").GetBoolean());
        Assert.Equal("Found", verification.GetProperty("check").GetProperty("code").GetString());
        Assert.Equal("Verified", verification.GetProperty("domain").GetProperty("status").GetString());
        Assert.Equal(DomainStatus.Verified, (await DomainsAsync(org.ParentId))[name]);
    }

    [Fact]
    public async Task Verify_AnotherValuePublished_200NotVerified_SaysWhatItFound()
    {
        var (org, client, _) = await OwnAsync();
        var added = await AddAsync(client, NewDomain());
        var name = added.GetProperty("name").GetString()!;
        await portal.PublishAsync(name, "v=spf1 -all");

        var response = await client.PostAsync($"/api/v1/domains/{added.GetProperty("id").GetGuid()}/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verification = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(verification.GetProperty("verified").GetBoolean());
        var check = verification.GetProperty("check");
        Assert.Equal("TxtRecordDifferent", check.GetProperty("code").GetString());
        Assert.Contains(added.GetProperty("txtRecord").GetProperty("value").GetString()!, check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("TxtRecordDifferent", verification.GetProperty("domain").GetProperty("lastCheck").GetProperty("code").GetString());
        Assert.Equal(DomainStatus.Pending, (await DomainsAsync(org.ParentId))[name]);
    }

    [Fact]
    public async Task Verify_NothingPublished_200NotVerified_NeverA5xx()
    {
        var (org, client, _) = await OwnAsync();
        var added = await AddAsync(client, NewDomain());

        var response = await client.PostAsync($"/api/v1/domains/{added.GetProperty("id").GetGuid()}/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verification = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(verification.GetProperty("verified").GetBoolean());
        Assert.NotEqual("Found", verification.GetProperty("check").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(verification.GetProperty("check").GetProperty("detail").GetString()));
        Assert.Equal(DomainStatus.Pending, (await DomainsAsync(org.ParentId))[added.GetProperty("name").GetString()!]);
    }

    [Theory]
    [InlineData("not a domain", "DomainNotLikeExample")]
    [InlineData("localhost", "DomainNotLikeExample")]
    [InlineData("10.0.0.1", "DomainIsIpAddress")]
    [InlineData("", "DomainRequired")]
    public async Task Add_NotADomainName_400ByItsField_NothingAdded(string domain, string code)
    {
        var (org, client, _) = await OwnAsync();
        var before = await DomainsAsync(org.ParentId);

        var problem = await AssertProblemAsync(await client.PostAsync("/api/v1/domains", JsonContent.Create(new { domain })), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("domain", out _));
        Assert.Equal(before, await DomainsAsync(org.ParentId));
    }

    [Fact]
    public async Task Add_AlreadyListed_409()
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PostAsync("/api/v1/domains", JsonContent.Create(new { domain = org.Domain })), HttpStatusCode.Conflict);

        Assert.Equal("DomainAlreadyListed", problem.GetProperty("code").GetString());
        Assert.Single(await DomainsAsync(org.ParentId));
    }

    [Fact]
    public async Task Remove_AVerifiedDomainPeopleUse_ShowsTheImpact_400UntilConfirmedWithItsName()
    {
        var (org, client, _) = await OwnAsync();
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/v1/domains")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var impact = await client.GetFromJsonAsync<JsonElement>($"/api/v1/domains/{id}/removal-impact");
        Assert.Equal(3, impact.GetProperty("members").GetInt32()); // the Owner, Carol and Dave
        Assert.Equal(1, impact.GetProperty("directoryUsers").GetInt32());
        Assert.True(impact.GetProperty("lastVerifiedDomain").GetBoolean());
        Assert.True(impact.GetProperty("needsConfirmation").GetBoolean());
        Assert.Equal(org.Domain, impact.GetProperty("confirm").GetString());

        var problem = await AssertProblemAsync(await client.DeleteAsync($"/api/v1/domains/{id}"), HttpStatusCode.BadRequest);
        Assert.Equal("DomainRemovalNotConfirmed", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/domains/{id}?confirm=other.example"), HttpStatusCode.BadRequest);
        Assert.Single(await DomainsAsync(org.ParentId));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/domains/{id}?confirm={org.Domain}")).StatusCode);
        Assert.Empty(await DomainsAsync(org.ParentId));
    }

    [Fact]
    public async Task Remove_APendingDomain_NeedsNoConfirmation_204()
    {
        var (org, client, _) = await OwnAsync();
        var added = await AddAsync(client, NewDomain());
        var id = added.GetProperty("id").GetGuid();

        var impact = await client.GetFromJsonAsync<JsonElement>($"/api/v1/domains/{id}/removal-impact");
        Assert.Equal((false, JsonValueKind.Null), (impact.GetProperty("needsConfirmation").GetBoolean(), impact.GetProperty("confirm").ValueKind));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/domains/{id}")).StatusCode);
        Assert.False((await DomainsAsync(org.ParentId)).ContainsKey(added.GetProperty("name").GetString()!));
    }

    [Fact]
    public async Task UnknownDomain_404_ForVerifyImpactAndRemove()
    {
        var (_, client, _) = await OwnAsync();
        var url = $"/api/v1/domains/{Guid.NewGuid()}";

        await AssertProblemAsync(await client.PostAsync(url + "/verify", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync(url + "/removal-impact"), HttpStatusCode.NotFound);
        var problem = await AssertProblemAsync(await client.DeleteAsync(url), HttpStatusCode.NotFound);
        Assert.Equal("DomainNotListed", problem.GetProperty("code").GetString());
    }
}

public sealed class SqliteDomainEndpointTests(ApiDnsKestrelPortal portal) : DomainEndpointTests(portal), IClassFixture<ApiDnsKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresDomainEndpointTests(PostgresApiDnsKestrelPortal portal) : DomainEndpointTests(portal), IClassFixture<PostgresApiDnsKestrelPortal>;
