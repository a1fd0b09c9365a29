using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>Who must not: keys and callers the members writes refuse, each trying all three writes, and that nothing changed for them.</summary>
public abstract partial class MemberWriteEndpointTests
{
    /// <summary>Add Erin, make Carol an Admin, remove Dave: every write, as the one client.</summary>
    private static async Task<HttpResponseMessage[]> EveryWriteAsync(HttpClient client, OwnSettingsOrganization org) =>
    [
        await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject { ["email"] = $"erin@{org.Domain}", ["displayName"] = "Erin", ["tier"] = "Standard" })),
        await client.PatchAsync(Url(org.OrganizationId, org.Carol), Json(new JsonObject { ["role"] = "Admin" })),
        await client.DeleteAsync(Url(org.OrganizationId, org.Dave)),
    ];

    private async Task AssertNothingChangedAsync(OwnSettingsOrganization org)
    {
        Assert.Equal((Role.User, SeatTier.Standard, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Carol));
        Assert.Equal((Role.User, SeatTier.Standard, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Dave));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.Email == $"erin@{org.Domain}"));
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
    }

    private async Task MakeParentAdminAsync(OwnSettingsOrganization org, Guid personId, Role? roleInOrganization = null)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = org.ParentId, PersonId = personId, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "test" });
        await db.SaveChangesAsync();
        if (roleInOrganization is { } role)
        {
            await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && m.PersonId == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role));
        }
    }

    [Fact]
    public async Task ReadOnlyKey_403SayingSo_NothingChanged()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        foreach (var response in await EveryWriteAsync(client, org))
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("read-only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task KeyLimitedToAnotherOrganization_404_NothingChanged()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var console = await ConsoleOrganizationAsync(org);
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, console)).Token);

        foreach (var response in await EveryWriteAsync(client, org))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task AnotherParentsKey_404_NothingChanged()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var grace = portal.Demo.Person("grace@globex.test");
        var client = portal.KeyClient((await portal.CreateKeyAsync(portal.Demo.GlobexParent, grace, ApiKeyScope.ReadWrite)).Token);

        foreach (var response in await EveryWriteAsync(client, org))
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task NoKeyOrARevokedKey_401_NothingChanged()
    {
        var (org, client, key) = await OwnAsync();
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        foreach (var response in (await EveryWriteAsync(client, org)).Concat(await EveryWriteAsync(portal.KeyClient(null), org)))
        {
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        foreach (var response in await EveryWriteAsync(client, org))
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("no longer an admin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task CreatorOnlyAUserOfTheOrganization_403WithThePagesReason_NothingChanged()
    {
        // Carol administers the parent but is a User of the organization: its members are its Owners' and Admins'.
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        await MakeParentAdminAsync(org, org.Carol);
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Carol, ApiKeyScope.ReadWrite)).Token);
        var pageSays = (await portal.Factory.Services.GetRequiredService<OrganizationAccessService>()
            .CheckAsync(org.OrganizationId, org.Carol, Permission.ManageMembers)).Refusal!.Message;

        // Even a person who is not a member answers 403, not 404: who is a member is not hers to learn.
        foreach (var response in (await EveryWriteAsync(client, org)).Append(await client.DeleteAsync(Url(org.OrganizationId, Guid.NewGuid()))))
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal(pageSays, problem.GetProperty("detail").GetString());
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task CreatorAChatAdmin_MakingSomeoneOwner_403OnlyTopRoleChangesTopRole_ButManagesUsers()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        await MakeParentAdminAsync(org, org.Carol, Role.Admin);
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Carol, ApiKeyScope.ReadWrite)).Token);

        var promote = await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Dave), Json(new JsonObject { ["role"] = "Owner" })),
            HttpStatusCode.Forbidden);
        var demote = await AssertProblemAsync(await client.PatchAsync(Url(org.OrganizationId, org.Owner), Json(new JsonObject { ["role"] = "User" })),
            HttpStatusCode.Forbidden);
        var remove = await AssertProblemAsync(await client.DeleteAsync(Url(org.OrganizationId, org.Owner)), HttpStatusCode.Forbidden);
        var addOwner = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId), Json(new JsonObject
        {
            ["email"] = $"erin@{org.Domain}",
            ["displayName"] = "Erin",
            ["role"] = "Owner",
            ["tier"] = "Premium",
        })), HttpStatusCode.Forbidden);

        Assert.All([promote, demote, remove, addOwner], p => Assert.Equal("OnlyTopRoleChangesTopRole", p.GetProperty("code").GetString()));
        Assert.Equal((Role.Owner, SeatTier.Premium, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Owner));
        Assert.Equal((Role.User, SeatTier.Standard, MembershipStatus.Active), await MembershipAsync(org.OrganizationId, org.Dave));
        Assert.Empty(await MemberAuditAsync(org.OrganizationId));
        // What a chat Admin may do on the page, the key may do: Dave's tier.
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync(Url(org.OrganizationId, org.Dave), Json(new JsonObject { ["tier"] = "Premium" }))).StatusCode);
    }
}
