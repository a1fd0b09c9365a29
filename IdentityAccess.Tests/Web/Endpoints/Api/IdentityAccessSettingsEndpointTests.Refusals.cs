using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Who must not: keys and callers the settings resource refuses, and that nothing is saved for them.</summary>
public abstract partial class IdentityAccessSettingsEndpointTests
{
    [Fact]
    public async Task Apply_ReadOnlyKey_403_NothingSaved()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);
        var fingerprint = (await DryRunAsync(client, org.OrganizationId, ScimBody(org))).GetProperty("fingerprint").GetString();

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fingerprint, 2))),
            HttpStatusCode.Forbidden);

        Assert.Contains("read-only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
    }

    [Fact]
    public async Task KeyLimitedToAnotherOrganization_404_NothingSaved()
    {
        var alice = portal.Demo.Person("alice@acme.test");
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, alice, ApiKeyScope.ReadWrite, portal.Demo.AcmeConsole);
        var version = await SettingsVersionAsync(portal.Demo.AcmeChat);
        var client = portal.KeyClient(key.Token);
        var body = new JsonObject { ["mode"] = "Manual", ["advancedGroupMappings"] = false, ["fingerprint"] = "0", ["confirm"] = 0 };

        await AssertProblemAsync(await client.GetAsync(Url(portal.Demo.AcmeChat)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsync(Url(portal.Demo.AcmeChat, "/dry-run"), Json(body)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsync(Url(portal.Demo.AcmeChat, "/apply"), Json(body)), HttpStatusCode.NotFound);
        Assert.Equal(version, await SettingsVersionAsync(portal.Demo.AcmeChat));
    }

    [Fact]
    public async Task AnotherParentsKey_404_NothingSaved()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var grace = portal.Demo.Person("grace@globex.test");
        var client = portal.KeyClient((await portal.CreateKeyAsync(portal.Demo.GlobexParent, grace, ApiKeyScope.ReadWrite)).Token);

        await AssertProblemAsync(await client.GetAsync(Url(org.OrganizationId)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/dry-run"), Json(ScimBody(org))), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), "0", 2))), HttpStatusCode.NotFound);
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingSaved()
    {
        var (org, client, _) = await OwnAsync();
        var fingerprint = (await DryRunAsync(client, org.OrganizationId, ScimBody(org))).GetProperty("fingerprint").GetString();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fingerprint, 2))), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.GetAsync(Url(org.OrganizationId)), HttpStatusCode.Forbidden);
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
    }

    [Fact]
    public async Task ParentAdminWhomThePageRefuses_403WithThePagesReason_NothingSaved()
    {
        // Carol administers the parent but is a User of the organization: Identity and access is its Owners'.
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.ParentAdministrators.Add(new IdentityAccess.Core.Organizations.ParentAdministrator
            {
                ParentOrganizationId = org.ParentId,
                PersonId = org.Carol,
                GrantedAt = DateTimeOffset.UtcNow,
                GrantedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Carol, ApiKeyScope.ReadWrite)).Token);
        var pageSays = (await portal.Factory.Services.GetRequiredService<OrganizationAccessService>()
            .CheckAsync(org.OrganizationId, org.Carol, Permission.ManageIdentityAccess)).Refusal!.Message;

        foreach (var response in new[]
        {
            await client.GetAsync(Url(org.OrganizationId)),
            await client.PostAsync(Url(org.OrganizationId, "/dry-run"), Json(ScimBody(org))),
            await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), "0", 2))),
        })
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal(pageSays, problem.GetProperty("detail").GetString());
        }

        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
    }

    [Fact]
    public async Task NoKeyOrARevokedKey_401_NothingSaved()
    {
        var (org, client, key) = await OwnAsync();
        var fingerprint = (await DryRunAsync(client, org.OrganizationId, ScimBody(org))).GetProperty("fingerprint").GetString();
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fingerprint, 2))), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).PostAsync(Url(org.OrganizationId, "/apply"), Json(WithApply(ScimBody(org), fingerprint, 2))),
            HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).GetAsync(Url(org.OrganizationId)), HttpStatusCode.Unauthorized);
        Assert.Equal(1, await SettingsVersionAsync(org.OrganizationId));
    }
}
