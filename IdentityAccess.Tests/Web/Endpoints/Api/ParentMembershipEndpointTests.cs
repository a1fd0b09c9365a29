using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/parent-membership on Kestrel: the organization's top role asks to join a parent and
/// withdraws, or leaves its parent (after which the old parent's keys find nothing of it); and who must not, among them
/// a sibling organization's Owner, a parent admin too, making this one leave.
/// </summary>
public abstract class ParentMembershipEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, string rest = "") => $"/api/v1/organizations/{organizationId}/parent-membership{rest}";

    private async Task<HttpClient> ClientAsync(Guid parentId, Guid creator, ApiKeyScope scope = ApiKeyScope.ReadWrite, params Guid[] organizations) =>
        portal.KeyClient((await portal.CreateKeyAsync(parentId, creator, scope, organizations)).Token);

    /// <summary>A second organization of the parent, whose Owner is a parent admin too but holds no role in the first.</summary>
    private async Task<(Guid OrganizationId, Guid Owner)> SiblingAsync(OwnSettingsOrganization org)
    {
        var now = DateTimeOffset.UtcNow;
        var sibling = new Organization { Name = $"Sibling {Guid.NewGuid():N}"[..16], Plan = OrganizationPlan.Enterprise, ParentOrganizationId = org.ParentId, CreatedAt = now };
        var owner = Person.Create($"sibling-owner@{org.Domain}", "Sibling Owner", now);
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.Organizations.Add(sibling);
        db.People.Add(owner);
        db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = org.ParentId, PersonId = owner.Id, GrantedAt = now, GrantedBy = "test" });
        db.Memberships.Add(new Membership
        {
            OrganizationId = sibling.Id,
            PersonId = owner.Id,
            Role = Role.Owner,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = now,
            StatusChangedAt = now,
        });
        await db.SaveChangesAsync();
        return (sibling.Id, owner.Id);
    }

    private async Task<Guid> ParentOfAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.ParentOrganizationId).SingleAsync();
    }

    private async Task<int> JoinRequestsAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.OrganizationJoinRequests.CountAsync(r => r.OrganizationId == organizationId && r.Status == JoinRequestStatus.Pending);
    }

    [Fact]
    public async Task Get_AStandaloneConsoleOrganization_MayAskToJoin_NotLeave()
    {
        var lab = await StandaloneConsoleOrganization.CreateAsync(portal);
        var client = await ClientAsync(lab.ParentId, lab.Admin, ApiKeyScope.ReadOnly);

        var membership = await client.GetFromJsonAsync<JsonElement>(Url(lab.OrganizationId));

        Assert.Equal((lab.ParentId, true, false), (membership.GetProperty("parentId").GetGuid(), membership.GetProperty("canRequestToJoin").GetBoolean(),
            membership.GetProperty("canLeave").GetBoolean()));
    }

    [Fact]
    public async Task Request_ThenWithdraw_NothingPending_WithdrawAgain404()
    {
        var lab = await StandaloneConsoleOrganization.CreateAsync(portal);
        var target = await OwnSettingsOrganization.CreateAsync(portal);
        var client = await ClientAsync(lab.ParentId, lab.Admin);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Url(lab.OrganizationId, "/join-request"), new { parentId = target.ParentId })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Url(lab.OrganizationId, "/join-request"))).StatusCode);

        Assert.Equal(0, await JoinRequestsAsync(lab.OrganizationId));
        var problem = await AssertProblemAsync(await client.DeleteAsync(Url(lab.OrganizationId, "/join-request")), HttpStatusCode.NotFound);
        Assert.Equal("JoinRequestNotFound", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Request_Refused_AsThePageRefusesIt_NothingAsked()
    {
        var lab = await StandaloneConsoleOrganization.CreateAsync(portal);
        var target = await OwnSettingsOrganization.CreateAsync(portal);
        var client = await ClientAsync(lab.ParentId, lab.Admin);
        var ask = (object body) => client.PostAsJsonAsync(Url(lab.OrganizationId, "/join-request"), body);

        var missing = await AssertProblemAsync(await ask(new { }), HttpStatusCode.BadRequest);
        Assert.Equal(("ParentIdRequired", "parentId"), (missing.GetProperty("code").GetString(), missing.GetProperty("field").GetString()));
        Assert.Equal("ParentNotFound", (await AssertProblemAsync(await ask(new { parentId = Guid.NewGuid() }), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("AlreadyInThatParent", (await AssertProblemAsync(await ask(new { parentId = lab.ParentId }), HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(0, await JoinRequestsAsync(lab.OrganizationId));
        Assert.Equal(HttpStatusCode.Created, (await ask(new { parentId = target.ParentId })).StatusCode);
        Assert.Equal("JoinRequestAlreadyPending", (await AssertProblemAsync(await ask(new { parentId = target.ParentId }), HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(1, await JoinRequestsAsync(lab.OrganizationId));

        // A chat organization of a parent holding others is not standalone: it leaves first.
        var chat = await ClientAsync(target.ParentId, target.Owner);
        var problem = await AssertProblemAsync(await chat.PostAsJsonAsync(Url(target.OrganizationId, "/join-request"), new { parentId = lab.ParentId }), HttpStatusCode.Conflict);
        Assert.Equal("NotAStandaloneConsoleOrganization", problem.GetProperty("code").GetString());
        Assert.Equal(0, await JoinRequestsAsync(target.OrganizationId));
    }

    [Fact]
    public async Task Leave_TheOrganizationGetsAParentOfItsOwn_TheOldParentsKeyFindsNothingOfIt()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        await SiblingAsync(org);
        var client = await ClientAsync(org.ParentId, org.Owner);
        var reader = await ClientAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly);

        var response = await client.PostAsync(Url(org.OrganizationId, "/leave"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newParent = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parentId").GetGuid();
        Assert.NotEqual(org.ParentId, newParent);
        Assert.Equal(newParent, await ParentOfAsync(org.OrganizationId));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.ParentAdministrators.AnyAsync(a => a.ParentOrganizationId == newParent && a.PersonId == org.Owner));
        }

        foreach (var old in new[] { client, reader })
        {
            Assert.DoesNotContain(org.OrganizationId.ToString(), await old.GetStringAsync("/api/v1/organizations"), StringComparison.Ordinal);
            await AssertProblemAsync(await old.GetAsync($"/api/v1/organizations/{org.OrganizationId}"), HttpStatusCode.NotFound);
            await AssertProblemAsync(await old.GetAsync($"/api/v1/organizations/{org.OrganizationId}/members"), HttpStatusCode.NotFound);
            await AssertProblemAsync(await old.GetAsync(Url(org.OrganizationId)), HttpStatusCode.NotFound);
        }

        await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/leave"), null), HttpStatusCode.NotFound);
        Assert.Equal(newParent, await ParentOfAsync(org.OrganizationId));
    }

    [Fact]
    public async Task Leave_TheParentsOnlyOrganization_409_NothingChanged()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var client = await ClientAsync(org.ParentId, org.Owner);

        var problem = await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/leave"), null), HttpStatusCode.Conflict);

        Assert.Equal("OnlyOrganizationOfParent", problem.GetProperty("code").GetString());
        Assert.Equal(org.ParentId, await ParentOfAsync(org.OrganizationId));
    }

    // Who must not.

    [Fact]
    public async Task ASiblingsOwner_AParentAdminToo_MayNotMakeThisOrganizationLeave_403()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var (_, siblingOwner) = await SiblingAsync(org);
        var client = await ClientAsync(org.ParentId, siblingOwner);

        await AssertProblemAsync(await client.GetAsync(Url(org.OrganizationId)), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await client.PostAsync(Url(org.OrganizationId, "/leave"), null), HttpStatusCode.Forbidden);

        Assert.Equal(org.ParentId, await ParentOfAsync(org.OrganizationId));
    }

    [Fact]
    public async Task KeyLimitedToTheOrganizationItself_ReadsWhereItStands_ButMayNotMoveIt_403_NothingChanged()
    {
        // Which organizations the parent holds is the whole parent's, as deciding a join request is.
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var lab = await StandaloneConsoleOrganization.CreateAsync(portal);
        var limited = await ClientAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId);

        Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync(Url(org.OrganizationId))).StatusCode);
        foreach (var response in new[]
        {
            await limited.PostAsync(Url(org.OrganizationId, "/leave"), null),
            await limited.PostAsJsonAsync(Url(org.OrganizationId, "/join-request"), new { parentId = lab.ParentId }),
            await limited.DeleteAsync(Url(org.OrganizationId, "/join-request")),
        })
        {
            Assert.Equal("KeyLimitedToOrganizations", (await AssertProblemAsync(response, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        }

        Assert.Equal(org.ParentId, await ParentOfAsync(org.OrganizationId));
        Assert.Equal(0, await JoinRequestsAsync(org.OrganizationId));
    }

    [Fact]
    public async Task ReadOnlyKey_LimitedToAnotherOrganization_AnotherParentsKey_CreatorNoLongerAdmin_NoKey_NothingChanged()
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var (sibling, _) = await SiblingAsync(org);
        var lab = await StandaloneConsoleOrganization.CreateAsync(portal);
        var leave = Url(org.OrganizationId, "/leave");

        await AssertProblemAsync(await (await ClientAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).PostAsync(leave, null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await (await ClientAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, sibling)).PostAsync(leave, null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await (await ClientAsync(lab.ParentId, lab.Admin)).PostAsync(leave, null), HttpStatusCode.NotFound);
        var labRequest = Url(lab.OrganizationId, "/join-request");
        await AssertProblemAsync(await (await ClientAsync(org.ParentId, org.Owner)).PostAsJsonAsync(labRequest, new { parentId = org.ParentId }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await portal.KeyClient(null).PostAsync(leave, null), HttpStatusCode.Unauthorized);
        var client = await ClientAsync(org.ParentId, org.Owner);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.PostAsync(leave, null), HttpStatusCode.Forbidden);
        Assert.Equal(org.ParentId, await ParentOfAsync(org.OrganizationId));
        Assert.Equal(0, await JoinRequestsAsync(lab.OrganizationId));
    }
}

public sealed class SqliteParentMembershipEndpointTests(ApiKestrelPortal portal) : ParentMembershipEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresParentMembershipEndpointTests(PostgresApiKestrelPortal portal) : ParentMembershipEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
