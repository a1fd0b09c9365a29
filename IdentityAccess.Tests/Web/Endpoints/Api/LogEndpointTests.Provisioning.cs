using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>The provisioning log through the API, and who must not read either log.</summary>
public abstract partial class LogEndpointTests
{
    [Fact]
    public async Task ProvisioningLog_PagesBelowTheLastRow_NothingRepeatedWhileRowsArrive()
    {
        var (org, client) = await OwnAsync();
        await SeedLogAsync(org.ParentId, 7);

        var (first, next) = await PageAsync(client, LogUrl(org.OrganizationId, "?limit=5"));
        await SeedLogAsync(org.ParentId, 2);
        var (second, last) = await PageAsync(client, LogUrl(org.OrganizationId, $"?limit=5&cursor={next}"));

        var ids = first.Concat(second).Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(7, ids.Count);
        Assert.Equal(ids.OrderByDescending(id => id), ids);
        Assert.Null(last);
        Assert.Equal("Created user 6", first[0].GetProperty("summary").GetString());
        Assert.Equal("scim", first[0].GetProperty("channel").GetString());
        Assert.Equal("scim_test", first[0].GetProperty("tokenPrefix").GetString());
    }

    [Fact]
    public async Task ProvisioningLog_ErrorsOnlyAndStatus_AsTheSyncLogFilters_AndExports()
    {
        var (org, client) = await OwnAsync();
        await SeedLogAsync(org.ParentId, 6, i => i % 3 == 0 ? 409 : 201);

        var (errors, _) = await PageAsync(client, LogUrl(org.OrganizationId, "?errorsOnly=true"));
        var (created, _) = await PageAsync(client, LogUrl(org.OrganizationId, "?status=201&channel=scim"));
        var (signIns, _) = await PageAsync(client, LogUrl(org.OrganizationId, "?channel=sso"));
        var csv = await client.GetStringAsync(LogUrl(org.OrganizationId, "/export?errorsOnly=true"));
        var json = await client.GetFromJsonAsync<JsonElement>(LogUrl(org.OrganizationId, "/export?format=json&status=201"));

        Assert.Equal(2, errors.Count);
        Assert.All(errors, r => Assert.Equal(409, r.GetProperty("status").GetInt32()));
        Assert.Equal(4, created.Count);
        Assert.Empty(signIns);
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(4, json.GetArrayLength());
    }

    [Theory]
    [InlineData("?cursor=djE6MTAw", "cursor")] // the members list's cursor is not this log's
    [InlineData("?status=42", "status")]
    [InlineData("?errorsOnly=maybe", "errorsOnly")]
    [InlineData("?channel=email", "channel")]
    [InlineData("/export?to=someday", "to")]
    public async Task ProvisioningLog_BadInput_400NamingTheField(string query, string field)
    {
        var (org, client) = await OwnAsync();

        var response = await client.GetAsync(LogUrl(org.OrganizationId, query));

        // A malformed number is refused by the binder before the endpoint: a problem all the same, never a 500.
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        if (problem.TryGetProperty("field", out var named))
        {
            Assert.Equal(field, named.GetString());
        }
    }

    // Who must not.

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_OnEveryLogRoute()
    {
        // A parent admin reads every organization's logs (as on the audit page), and a key acts only while its creator is one.
        var (org, client) = await OwnAsync();
        await SeedAuditAsync(org, 1);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        foreach (var url in EveryRoute(org.OrganizationId))
        {
            var problem = await AssertProblemAsync(await client.GetAsync(url), HttpStatusCode.Forbidden);
            Assert.DoesNotContain(org.Domain, problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KeyLimitedToAnotherOrganization_OrAnotherParentsKey_404_NothingOfTheLogs()
    {
        var (org, _) = await OwnAsync();
        await SeedAuditAsync(org, 1);
        await SeedLogAsync(org.ParentId, 1);
        var sibling = await SiblingAsync(org);
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, sibling)).Token);
        var grace = portal.Demo.Person("grace@globex.test");
        var stranger = portal.KeyClient((await portal.CreateKeyAsync(portal.Demo.GlobexParent, grace, ApiKeyScope.ReadWrite)).Token);

        foreach (var url in EveryRoute(org.OrganizationId))
        {
            var problem = await AssertProblemAsync(await limited.GetAsync(url), HttpStatusCode.NotFound);
            Assert.DoesNotContain(org.Domain, problem.ToString(), StringComparison.Ordinal);
            await AssertProblemAsync(await stranger.GetAsync(url), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task NoKeyOrARevokedKey_401_AsJson()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly);
        await RevokeAsync(org.ParentId, key, org.Owner);
        var entries = await AuditCountAsync(org.ParentId);

        foreach (var url in EveryRoute(org.OrganizationId))
        {
            await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync(url), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await portal.KeyClient(null).GetAsync(url), HttpStatusCode.Unauthorized);
        }

        Assert.Equal(entries, await AuditCountAsync(org.ParentId));
    }

    private static IEnumerable<string> EveryRoute(Guid organizationId) =>
        [AuditUrl(organizationId), AuditUrl(organizationId, "/export"), AuditUrl(organizationId, "/export?format=json"),
         LogUrl(organizationId), LogUrl(organizationId, "/export"), LogUrl(organizationId, "/export?format=json")];
}
