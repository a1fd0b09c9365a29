using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Who must not: keys and callers the domains resource refuses, each trying every write, and that nothing changed for them.</summary>
public abstract partial class DomainEndpointTests
{
    /// <summary>Add a domain, verify the parent's one, remove it (confirmed): every write, as the one client.</summary>
    private static async Task<HttpResponseMessage[]> EveryWriteAsync(HttpClient client, OwnSettingsOrganization org, Guid domainId) =>
    [
        await client.PostAsync("/api/v1/domains", JsonContent.Create(new { domain = NewDomain() })),
        await client.PostAsync($"/api/v1/domains/{domainId}/verify", null),
        await client.DeleteAsync($"/api/v1/domains/{domainId}?confirm={org.Domain}"),
    ];

    private async Task<(OwnSettingsOrganization Org, Guid DomainId)> OwnWithItsDomainAsync()
    {
        var (org, client, _) = await OwnAsync();
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/v1/domains")).GetProperty("items")[0].GetProperty("id").GetGuid();
        return (org, id);
    }

    private async Task AssertNothingChangedAsync(OwnSettingsOrganization org)
    {
        Assert.Equal(new Dictionary<string, DomainStatus> { [org.Domain] = DomainStatus.Verified }, await DomainsAsync(org.ParentId));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Null(await db.VerifiedDomains.Where(d => d.ParentOrganizationId == org.ParentId).Select(d => d.LastCheckedAt).SingleAsync());
        Assert.Equal(0, await DomainAuditAsync(org.ParentId));
    }

    [Fact]
    public async Task ReadOnlyKey_ListsAndSeesTheImpact_ButEveryWrite403()
    {
        var (org, id) = await OwnWithItsDomainAsync();
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/domains")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/domains/{id}/removal-impact")).StatusCode);
        foreach (var response in await EveryWriteAsync(reader, org, id))
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_TheDomainsAreTheWholeParents()
    {
        var (org, id) = await OwnWithItsDomainAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        var problem = await AssertProblemAsync(await limited.GetAsync("/api/v1/domains"), HttpStatusCode.Forbidden);
        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        await AssertProblemAsync(await limited.GetAsync($"/api/v1/domains/{id}/removal-impact"), HttpStatusCode.Forbidden);
        foreach (var response in await EveryWriteAsync(limited, org, id))
        {
            Assert.Equal("KeyLimitedToOrganizations", (await AssertProblemAsync(response, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task AnotherParentsKey_NeverSeesOrTouchesThisParentsDomain_404()
    {
        var (org, id) = await OwnWithItsDomainAsync();
        var (_, stranger, _) = await OwnAsync();

        Assert.DoesNotContain(org.Domain, await stranger.GetStringAsync("/api/v1/domains"), StringComparison.Ordinal);
        await AssertProblemAsync(await stranger.GetAsync($"/api/v1/domains/{id}/removal-impact"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await stranger.PostAsync($"/api/v1/domains/{id}/verify", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await stranger.DeleteAsync($"/api/v1/domains/{id}?confirm={org.Domain}"), HttpStatusCode.NotFound);
        // Nor may it claim the domain: another parent verified it.
        var problem = await AssertProblemAsync(await stranger.PostAsync("/api/v1/domains", JsonContent.Create(new { domain = org.Domain })), HttpStatusCode.Conflict);
        Assert.Equal("DomainVerifiedElsewhere", problem.GetProperty("code").GetString());

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingChanged()
    {
        var (org, id) = await OwnWithItsDomainAsync();
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite)).Token);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.GetAsync("/api/v1/domains"), HttpStatusCode.Forbidden);
        foreach (var response in await EveryWriteAsync(client, org, id))
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task RevokedKeyOrNoKey_401_NothingChanged()
    {
        var (org, id) = await OwnWithItsDomainAsync();
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        foreach (var client in new[] { portal.KeyClient(key.Token), portal.KeyClient(null) })
        {
            await AssertProblemAsync(await client.GetAsync("/api/v1/domains"), HttpStatusCode.Unauthorized);
            foreach (var response in await EveryWriteAsync(client, org, id))
            {
                await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            }
        }

        await AssertNothingChangedAsync(org);
    }
}
