using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations/{id}/held-changes and /held-top-role-changes on Kestrel: listed as the page reviews them,
/// applied or discarded only with the page's typed confirmation, a top-role change never applied while it leaves no
/// Owner; and who must not decide them: a read-only key, a key limited to another organization, another parent's key,
/// no key. Each test has an organization of its own, with Carol's removal and Dave's suspension held.
/// </summary>
public abstract class HeldChangeEndpointTests(ApiKestrelPortal portal)
{
    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var now = DateTimeOffset.UtcNow;
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.StagedRemovals.AddRange(
            new StagedRemoval { OrganizationId = org.OrganizationId, PersonId = org.Carol, Change = ChangeKind.Deprovision, Reason = "Not assigned to the IdP app.", Asked = "Remove", Path = "DELETE /Users/carol", StagedAt = now },
            new StagedRemoval { OrganizationId = org.OrganizationId, PersonId = org.Dave, Change = ChangeKind.Suspend, Reason = "Deactivated in the IdP.", Asked = "Deactivate", Path = "PATCH /Users/dave", StagedAt = now });
        await db.SaveChangesAsync();
        // Granted by directory sync, as held people are: a discard makes them hand-managed.
        await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && (m.PersonId == org.Carol || m.PersonId == org.Dave))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Source, MembershipSource.Scim));
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private static string Url(OwnSettingsOrganization org, string path = "/held-changes") => $"/api/v1/organizations/{org.OrganizationId}{path}";

    private async Task<int> OpenHeldAsync(OwnSettingsOrganization org)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.StagedRemovals.CountAsync(s => s.OrganizationId == org.OrganizationId && !s.Approved);
    }

    private async Task<Membership> MemberAsync(OwnSettingsOrganization org, Guid personId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.AsNoTracking().SingleAsync(m => m.OrganizationId == org.OrganizationId && m.PersonId == personId);
    }

    /// <summary>Carol made an Owner, and the IdP's demotion of her to User held.</summary>
    private async Task<Guid> HoldCarolsDemotionAsync(OwnSettingsOrganization org)
    {
        var held = new HeldTopRoleChange
        {
            OrganizationId = org.OrganizationId,
            PersonId = org.Carol,
            Change = ChangeKind.Demote,
            FromRole = Role.Owner,
            ToRole = Role.User,
            ToStatus = MembershipStatus.Active,
            RequestedBy = "Directory sync",
            Reason = "Group Staff.",
            HeldAt = DateTimeOffset.UtcNow,
        };
        await using var db = await portal.Factory.CreateDbContextAsync();
        await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && m.PersonId == org.Carol).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, Role.Owner));
        db.HeldTopRoleChanges.Add(held);
        await db.SaveChangesAsync();
        return held.Id;
    }

    [Fact]
    public async Task List_TheHeldPeopleWithWhatTheIdpAsked()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        var list = await client.GetFromJsonAsync<JsonElement>(Url(org));

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([$"carol@{org.Domain}", $"dave@{org.Domain}"], items.Select(i => i.GetProperty("email").GetString()));
        Assert.Equal(["Deprovision", "Suspend"], items.Select(i => i.GetProperty("change").GetString()));
        Assert.Equal("DELETE /Users/carol", items[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Discard_OnlyWithTheTypedCount_KeepsEveryoneHandManaged_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var unconfirmed = await AssertProblemAsync(await client.PostAsync(Url(org, "/held-changes/discard?confirm=3"), null), HttpStatusCode.BadRequest);
        Assert.Equal("HeldChangesConfirmationRequired", unconfirmed.GetProperty("code").GetString());
        Assert.Equal(2, await OpenHeldAsync(org));

        var response = await client.PostAsync(Url(org, "/held-changes/discard?confirm=2"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(0, await OpenHeldAsync(org));
        Assert.Equal((MembershipSource.Manual, MembershipStatus.Active), ((await MemberAsync(org, org.Carol)).Source, (await MemberAsync(org, org.Carol)).Status));
        Assert.Equal(MembershipSource.Manual, (await MemberAsync(org, org.Dave)).Source);
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == org.OrganizationId && e.Action == "sync.held_changes_discarded");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task Apply_WithTheOrganizationsName_ApprovesThem_ThenNothingIsHeld_404()
    {
        var (org, client, _) = await OwnAsync();
        var name = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org.OrganizationId}")).GetProperty("name").GetString();

        var response = await client.PostAsync(Url(org, $"/held-changes/apply?confirm={Uri.EscapeDataString(name!)}"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await OpenHeldAsync(org));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.OrganizationId == org.OrganizationId && e.Action == "sync.held_changes_applied"));
        }

        var none = await AssertProblemAsync(await client.PostAsync(Url(org, "/held-changes/apply?confirm=0"), null), HttpStatusCode.NotFound);
        Assert.Equal("HeldChangesNotFound", none.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TopRoleChange_AppliedOnlyWithTheEmailTyped_AndNeverLeavingNoOwner()
    {
        var (org, client, _) = await OwnAsync();
        var heldId = await HoldCarolsDemotionAsync(org);
        var url = Url(org, $"/held-top-role-changes/{heldId}/apply");

        var listed = await client.GetFromJsonAsync<JsonElement>(Url(org, "/held-top-role-changes"));
        Assert.Equal(heldId, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var wrong = await AssertProblemAsync(await client.PostAsync(url + "?confirm=someone@else.test", null), HttpStatusCode.BadRequest);
        Assert.Equal("HeldChangeConfirmationRequired", wrong.GetProperty("code").GetString());
        Assert.Equal(Role.Owner, (await MemberAsync(org, org.Carol)).Role);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(url + $"?confirm=CAROL@{org.Domain}", null)).StatusCode);
        Assert.Equal(Role.User, (await MemberAsync(org, org.Carol)).Role);
        await AssertProblemAsync(await client.PostAsync(url + $"?confirm=carol@{org.Domain}", null), HttpStatusCode.NotFound);

        // The Owner's own demotion held: applying it would leave the organization with no Owner.
        var ownerHeld = new HeldTopRoleChange
        {
            OrganizationId = org.OrganizationId,
            PersonId = org.Owner,
            Change = ChangeKind.Demote,
            FromRole = Role.Owner,
            ToRole = Role.User,
            ToStatus = MembershipStatus.Active,
            RequestedBy = "Directory sync",
            Reason = "Group Staff.",
            HeldAt = DateTimeOffset.UtcNow,
        };
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.HeldTopRoleChanges.Add(ownerHeld);
            await db.SaveChangesAsync();
        }

        var lastOwner = await AssertProblemAsync(await client.PostAsync(Url(org, $"/held-top-role-changes/{ownerHeld.Id}/apply?confirm=owner@{org.Domain}"), null),
            HttpStatusCode.Conflict);
        Assert.Equal("HeldChangeLeavesNoTopRole", lastOwner.GetProperty("code").GetString());
        Assert.Equal(Role.Owner, (await MemberAsync(org, org.Owner)).Role);
    }

    [Fact]
    public async Task TopRoleChange_Kept_TheRoleStaysByHand()
    {
        var (org, client, _) = await OwnAsync();
        var heldId = await HoldCarolsDemotionAsync(org);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(Url(org, $"/held-top-role-changes/{heldId}/keep"), null)).StatusCode);

        var carol = await MemberAsync(org, org.Carol);
        Assert.Equal((Role.Owner, (Role?)Role.Owner), (carol.Role, carol.RoleOverride));
    }

    // Who must not.

    [Fact]
    public async Task ReadOnlyKey_Lists_ButMayNotDecide_403_NothingChanged()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);
        var heldId = await HoldCarolsDemotionAsync(org);

        foreach (var url in Decisions(org, heldId, $"carol@{org.Domain}"))
        {
            await AssertProblemAsync(await client.PostAsync(url, null), HttpStatusCode.Forbidden);
        }

        await AssertNothingDecidedAsync(org);
    }

    [Fact]
    public async Task KeyLimitedToAnotherOrganization_OrAnotherParentsKey_404_NothingChanged()
    {
        var (org, _, _) = await OwnAsync();
        var heldId = await HoldCarolsDemotionAsync(org);
        var other = await OwnSettingsOrganization.CreateAsync(portal);
        var sibling = await SiblingAsync(org);
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, sibling)).Token);
        var stranger = portal.KeyClient((await portal.CreateKeyAsync(other.ParentId, other.Owner, ApiKeyScope.ReadWrite)).Token);

        foreach (var client in new[] { limited, stranger })
        {
            await AssertProblemAsync(await client.GetAsync(Url(org)), HttpStatusCode.NotFound);
            await AssertProblemAsync(await client.GetAsync(Url(org, "/held-top-role-changes")), HttpStatusCode.NotFound);
            foreach (var url in Decisions(org, heldId, $"carol@{org.Domain}"))
            {
                await AssertProblemAsync(await client.PostAsync(url, null), HttpStatusCode.NotFound);
            }
        }

        await AssertNothingDecidedAsync(org);
    }

    [Fact]
    public async Task NoKeyOrARevokedKey_401_NothingChanged()
    {
        var (org, _, key) = await OwnAsync();
        var heldId = await HoldCarolsDemotionAsync(org);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        foreach (var url in Decisions(org, heldId, $"carol@{org.Domain}"))
        {
            await AssertProblemAsync(await portal.KeyClient(key.Token).PostAsync(url, null), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await portal.KeyClient(null).PostAsync(url, null), HttpStatusCode.Unauthorized);
        }

        await AssertNothingDecidedAsync(org);
    }

    private static IEnumerable<string> Decisions(OwnSettingsOrganization org, Guid heldId, string email) =>
        [Url(org, "/held-changes/apply?confirm=2"), Url(org, "/held-changes/discard?confirm=2"),
         Url(org, $"/held-top-role-changes/{heldId}/apply?confirm={email}"), Url(org, $"/held-top-role-changes/{heldId}/keep")];

    private async Task AssertNothingDecidedAsync(OwnSettingsOrganization org)
    {
        Assert.Equal(2, await OpenHeldAsync(org));
        var carol = await MemberAsync(org, org.Carol);
        Assert.Equal((Role.Owner, (Role?)null, MembershipSource.Scim), (carol.Role, carol.RoleOverride, carol.Source));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.True(await db.HeldTopRoleChanges.AnyAsync(h => h.OrganizationId == org.OrganizationId && h.ResolvedAt == null));
    }

    /// <summary>A second organization of the same parent, so a key limited to it is this parent's own.</summary>
    private async Task<Guid> SiblingAsync(OwnSettingsOrganization org)
    {
        var sibling = new Organization { Name = "Sibling " + Guid.NewGuid().ToString("N")[..6], Plan = OrganizationPlan.Enterprise, ParentOrganizationId = org.ParentId, CreatedAt = DateTimeOffset.UtcNow };
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.Organizations.Add(sibling);
        await db.SaveChangesAsync();
        return sibling.Id;
    }
}

public sealed class SqliteHeldChangeEndpointTests(ApiKestrelPortal portal) : HeldChangeEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresHeldChangeEndpointTests(PostgresApiKestrelPortal portal) : HeldChangeEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
