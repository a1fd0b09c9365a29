using System.Net;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Who must not change the group mappings; each time the settings stay as they were (version 2, directory sync).</summary>
public abstract partial class GroupMappingEndpointTests
{
    [Fact]
    public async Task ReadOnlyKey_ReadsAndDryRuns_ButApply403_NothingSaved()
    {
        var (queue, writer, _) = await OwnAsync();
        var org = queue.Org;
        var fingerprint = await FingerprintAsync(writer, org, "Premium");
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Url(org.OrganizationId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.PostAsync(Url(org.OrganizationId, "/dry-run"), Json(Mappings(org, "Premium")))).StatusCode);
        await AssertProblemAsync(await reader.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, "Premium", fingerprint))), HttpStatusCode.Forbidden);
        Assert.Equal((2, ProvisioningMode.Scim), await SavedAsync(org.OrganizationId));
    }

    [Fact]
    public async Task KeyLimitedToAnotherOrganization_404_NothingSaved()
    {
        var (queue, writer, _) = await OwnAsync();
        var org = queue.Org;
        var fingerprint = await FingerprintAsync(writer, org, "Premium");
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, await queue.AddSiblingAsync(portal))).Token);

        await AssertProblemAsync(await limited.GetAsync(Url(org.OrganizationId)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await limited.PostAsync(Url(org.OrganizationId, "/dry-run"), Json(Mappings(org, "Premium"))), HttpStatusCode.NotFound);
        await AssertProblemAsync(await limited.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, "Premium", fingerprint))), HttpStatusCode.NotFound);
        Assert.Equal((2, ProvisioningMode.Scim), await SavedAsync(org.OrganizationId));
    }

    [Fact]
    public async Task AnotherParentsKey_404_NothingSaved()
    {
        var (queue, writer, _) = await OwnAsync();
        var org = queue.Org;
        var fingerprint = await FingerprintAsync(writer, org, "Premium");
        var (_, stranger, _) = await OwnAsync();

        await AssertProblemAsync(await stranger.GetAsync(Url(org.OrganizationId)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await stranger.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, "Premium", fingerprint))), HttpStatusCode.NotFound);
        Assert.Equal((2, ProvisioningMode.Scim), await SavedAsync(org.OrganizationId));
    }

    [Fact]
    public async Task RevokedOrNoKey_401_NothingSaved()
    {
        var (queue, writer, key) = await OwnAsync();
        var org = queue.Org;
        var fingerprint = await FingerprintAsync(writer, org, "Premium");
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        await AssertProblemAsync(await writer.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, "Premium", fingerprint))), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).GetAsync(Url(org.OrganizationId)), HttpStatusCode.Unauthorized);
        Assert.Equal((2, ProvisioningMode.Scim), await SavedAsync(org.OrganizationId));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingSaved()
    {
        var (queue, writer, _) = await OwnAsync();
        var org = queue.Org;
        var fingerprint = await FingerprintAsync(writer, org, "Premium");
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await writer.PostAsync(Url(org.OrganizationId, "/apply"), Json(Mappings(org, "Premium", fingerprint))), HttpStatusCode.Forbidden);
        Assert.Equal((2, ProvisioningMode.Scim), await SavedAsync(org.OrganizationId));
    }
}
