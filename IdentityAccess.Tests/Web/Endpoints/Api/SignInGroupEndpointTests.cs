using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.GroupNames;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/sign-in-groups and /organizations/{id}/sign-in-groups on Kestrel: the groups a name-sending IdP named at
/// sign-in, listed for the organization and the parent, renamed after a rename in the IdP (the key, so the mappings,
/// kept), with the service's refusals; and who must not rename them. Each test has a parent of its own with the groups
/// "Engineering" (mapped in its organization) and "Platform" recorded.
/// </summary>
public abstract class SignInGroupEndpointTests(ApiKestrelPortal portal)
{
    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var now = DateTimeOffset.UtcNow;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.SignInGroups.AddRange(Group(org, "Engineering", now), Group(org, "Platform", now));
            db.GroupMappings.Add(new GroupMapping { OrganizationId = org.OrganizationId, GroupExternalId = "Engineering", Role = Role.Admin });
            await db.SaveChangesAsync();
        }

        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private static SignInGroup Group(OwnSettingsOrganization org, string name, DateTimeOffset now) =>
        new() { ParentOrganizationId = org.ParentId, Key = name, Name = name, NormalizedName = GroupNameMatching.Normalize(name), FirstSeenAt = now, LastSeenAt = now };

    private async Task<List<(string Key, string Name)>> RecordedAsync(OwnSettingsOrganization org)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return [.. (await db.SignInGroups.Where(g => g.ParentOrganizationId == org.ParentId).OrderBy(g => g.Key).ToListAsync()).Select(g => (g.Key, g.Name))];
    }

    private async Task AssertNothingChangedAsync(OwnSettingsOrganization org)
    {
        Assert.Equal([("Engineering", "Engineering"), ("Platform", "Platform")], await RecordedAsync(org));
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "sso.signin-group-renamed"));
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

    private static IEnumerable<Func<HttpClient, Task<HttpResponseMessage>>> Renames =>
        [c => c.PutAsJsonAsync("/api/v1/sign-in-groups/Engineering", new { name = "Engineering Team" }),
         c => c.PutAsJsonAsync("/api/v1/sign-in-groups/Platform", new { name = "Platform Team" })];

    [Fact]
    public async Task List_ForTheOrganizationAndTheParent_WithWhereEachIsMapped()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        foreach (var url in new[] { $"/api/v1/organizations/{org.OrganizationId}/sign-in-groups", "/api/v1/sign-in-groups" })
        {
            var list = await client.GetFromJsonAsync<JsonElement>(url);
            var items = list.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["Engineering", "Platform"], items.Select(i => i.GetProperty("name").GetString()));
            Assert.Single(items[0].GetProperty("mappedIn").EnumerateArray());
            Assert.Empty(items[1].GetProperty("mappedIn").EnumerateArray());
            Assert.True(list.GetProperty("resolvedInDirectory").GetBoolean()); // this parent also has a SCIM directory, as the page says
        }
    }

    [Fact]
    public async Task Rename_KeepsTheKeySoTheMappings_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PutAsJsonAsync("/api/v1/sign-in-groups/Engineering", new { name = " Engineering Team " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var renamed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Engineering", "Engineering Team"), (renamed.GetProperty("key").GetString(), renamed.GetProperty("name").GetString()));
        Assert.Single(renamed.GetProperty("mappedIn").EnumerateArray());
        Assert.Equal([("Engineering", "Engineering Team"), ("Platform", "Platform")], await RecordedAsync(org));
        await using var db = await portal.Factory.CreateDbContextAsync();
        var entry = await db.AuditEvents.SingleAsync(e => e.ParentOrganizationId == org.ParentId && e.Action == "sso.signin-group-renamed");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task Rename_Refusals_AsProblems_NothingChanged()
    {
        var (org, client, _) = await OwnAsync();

        var blank = await AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/sign-in-groups/Platform", new { name = "  " }), HttpStatusCode.BadRequest);
        Assert.Equal(("SignInGroupNameInvalid", "name"), (blank.GetProperty("code").GetString(), blank.GetProperty("field").GetString()));
        await AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/sign-in-groups/Platform", new { }), HttpStatusCode.BadRequest);
        var unknown = await AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/sign-in-groups/Sales", new { name = "Sales EU" }), HttpStatusCode.NotFound);
        Assert.Equal("SignInGroupNotFound", unknown.GetProperty("code").GetString());
        // Renaming Platform to Engineering would merge away the mapped group Engineering.
        var mapped = await AssertProblemAsync(await client.PutAsJsonAsync("/api/v1/sign-in-groups/Platform", new { name = "engineering" }), HttpStatusCode.Conflict);
        Assert.Equal("SignInGroupNameMapped", mapped.GetProperty("code").GetString());

        await AssertNothingChangedAsync(org);
    }

    // Who must not.

    [Fact]
    public async Task ReadOnlyKey_Lists_ButMayNotRename_403_NothingChanged()
    {
        var (org, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        foreach (var rename in Renames)
        {
            await AssertProblemAsync(await rename(client), HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_ItsOwnListOnly_TheParentsAndRenames403_NothingChanged()
    {
        var (org, _, _) = await OwnAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);
        var elsewhere = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, await SiblingAsync(org))).Token);

        Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync($"/api/v1/organizations/{org.OrganizationId}/sign-in-groups")).StatusCode);
        await AssertProblemAsync(await elsewhere.GetAsync($"/api/v1/organizations/{org.OrganizationId}/sign-in-groups"), HttpStatusCode.NotFound);
        Assert.Equal("KeyLimitedToOrganizations",
            (await AssertProblemAsync(await limited.GetAsync("/api/v1/sign-in-groups"), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        foreach (var rename in Renames)
        {
            Assert.Equal("KeyLimitedToOrganizations", (await AssertProblemAsync(await rename(limited), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_WhereAGroupIsMapped_NamesOnlyTheOrganizationsItReaches()
    {
        var (org, client, _) = await OwnAsync();
        var siblingId = await SiblingAsync(org);
        string siblingName;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.GroupMappings.Add(new GroupMapping { OrganizationId = siblingId, GroupExternalId = "Engineering", Role = Role.User });
            await db.SaveChangesAsync();
            siblingName = await db.Organizations.Where(o => o.Id == siblingId).Select(o => o.Name).SingleAsync();
        }

        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly, org.OrganizationId)).Token);
        var url = $"/api/v1/organizations/{org.OrganizationId}/sign-in-groups";

        static IEnumerable<string> MappedIn(JsonElement list) => list.GetProperty("items").EnumerateArray()
            .Single(g => g.GetProperty("key").GetString() == "Engineering").GetProperty("mappedIn").EnumerateArray().Select(n => n.GetString()!);
        Assert.Contains(siblingName, MappedIn(await client.GetFromJsonAsync<JsonElement>(url))); // the whole parent's key sees both
        var seen = await limited.GetStringAsync(url);
        Assert.DoesNotContain(siblingName, seen);
        Assert.Single(MappedIn(JsonDocument.Parse(seen).RootElement));
    }

    [Fact]
    public async Task AnotherParentsKey_404_NothingChanged()
    {
        var (org, _, _) = await OwnAsync();
        var other = await OwnSettingsOrganization.CreateAsync(portal);
        var stranger = portal.KeyClient((await portal.CreateKeyAsync(other.ParentId, other.Owner, ApiKeyScope.ReadWrite)).Token);

        await AssertProblemAsync(await stranger.GetAsync($"/api/v1/organizations/{org.OrganizationId}/sign-in-groups"), HttpStatusCode.NotFound);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/v1/sign-in-groups")).GetProperty("items").EnumerateArray());
        foreach (var rename in Renames)
        {
            await AssertProblemAsync(await rename(stranger), HttpStatusCode.NotFound); // its own parent has no such group
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

        foreach (var rename in Renames)
        {
            await AssertProblemAsync(await rename(client), HttpStatusCode.Forbidden);
        }

        await AssertNothingChangedAsync(org);
    }

    [Fact]
    public async Task RevokedKeyOrNoKey_401_NothingChanged()
    {
        var (org, _, key) = await OwnAsync();
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, key.Id, org.Owner));

        foreach (var client in new[] { portal.KeyClient(key.Token), portal.KeyClient(null) })
        {
            await AssertProblemAsync(await client.GetAsync("/api/v1/sign-in-groups"), HttpStatusCode.Unauthorized);
            foreach (var rename in Renames)
            {
                await AssertProblemAsync(await rename(client), HttpStatusCode.Unauthorized);
            }
        }

        await AssertNothingChangedAsync(org);
    }
}

public sealed class SqliteSignInGroupEndpointTests(ApiKestrelPortal portal) : SignInGroupEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresSignInGroupEndpointTests(PostgresApiKestrelPortal portal) : SignInGroupEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
