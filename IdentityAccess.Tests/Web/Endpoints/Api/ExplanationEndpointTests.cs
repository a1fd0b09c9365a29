using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// The pages' explanations through the API on Kestrel: the what-if simulator, "Why this role?", "known to your IdP, not
/// members" and the directory sync status. Each organization is a <see cref="SeatQueueOrganization"/> under directory sync
/// (Owners → Owner on Premium, Staff → User on Standard, two Staff waiting for a Standard seat). Who must not: another
/// tenant's people are never explained or found, keys outside their reach get 404, and a question changes nothing.
/// </summary>
public abstract class ExplanationEndpointTests(ApiKestrelPortal portal)
{
    private static string Url(Guid organizationId, string path) => $"/api/v1/organizations/{organizationId}{path}";

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<(SeatQueueOrganization Queue, HttpClient Client)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadOnly)
    {
        var queue = await SeatQueueOrganization.CreateAsync(portal, 2);
        return (queue, portal.KeyClient((await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, scope)).Token));
    }

    private async Task<(int Version, int Active)> StateAsync(Guid organizationId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return (await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.SettingsVersion).SingleAsync(),
            await db.Memberships.CountAsync(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.Active));
    }

    /// <summary>Someone the IdP assigns to the app in no mapped group: known to the IdP, not a member.</summary>
    private async Task<string> AddUnmappedAsync(OwnSettingsOrganization org)
    {
        var email = $"unmapped-{Guid.NewGuid():N}"[..18] + $"@{org.Domain}";
        var now = DateTimeOffset.UtcNow;
        await using var db = await portal.Factory.CreateDbContextAsync();
        var person = Person.Create(email, "Una Mapped", now);
        db.People.Add(person);
        db.DirectoryUsers.Add(DirectoryUsers.LinkedTo(person, org.ParentId, now, externalId: $"entra-{email}"));
        await db.SaveChangesAsync();
        return email;
    }

    [Fact]
    public async Task WhatIf_AWaitingPerson_UnderStaffOnPremium_Admitted_NothingChanged()
    {
        var (queue, client) = await OwnAsync();
        var org = queue.Org;
        var before = await StateAsync(org.OrganizationId);
        var settings = await client.GetFromJsonAsync<JsonObject>(Url(org.OrganizationId, "/identity-access"));
        settings!["tierMappings"]![1]!["tier"] = "Premium";

        var saved = await client.PostAsync(Url(org.OrganizationId, "/identity-access/what-if"), Json(new JsonObject { ["email"] = queue.Waiting[0] }));
        var premium = await client.PostAsync(Url(org.OrganizationId, "/identity-access/what-if"),
            Json(new JsonObject { ["email"] = queue.Waiting[0], ["settings"] = settings.DeepClone() }));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var underSaved = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((queue.Waiting[0], "User", "Standard"), (underSaved.GetProperty("email").GetString(),
            underSaved.GetProperty("after").GetProperty("role").GetString(), underSaved.GetProperty("after").GetProperty("tier").GetString()));
        Assert.NotEqual("Active", underSaved.GetProperty("after").GetProperty("status").GetString()); // no Standard seat bought
        var underPremium = await premium.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Premium", "Active"), (underPremium.GetProperty("after").GetProperty("tier").GetString(),
            underPremium.GetProperty("after").GetProperty("status").GetString()));
        Assert.NotEmpty(underPremium.GetProperty("reasons").EnumerateArray());
        Assert.Equal(before, await StateAsync(org.OrganizationId));
    }

    [Fact]
    public async Task WhatIf_ANewcomerInOwners_WouldBeAnOwnerOnPremium()
    {
        var (queue, client) = await OwnAsync();

        var answer = await client.PostAsync(Url(queue.Org.OrganizationId, "/identity-access/what-if"),
            Json(new JsonObject { ["groupKeys"] = new JsonArray(queue.Org.OwnersGroup) }));

        var outcome = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(("Owner", "Premium"), (outcome.GetProperty("after").GetProperty("role").GetString(), outcome.GetProperty("after").GetProperty("tier").GetString()));
    }

    [Fact]
    public async Task WhatIf_BadQuestions_400ByTheirField_AndAnUnknownOrOtherTenantsEmail_404()
    {
        var (queue, client) = await OwnAsync();
        var org = queue.Org;
        var other = await OwnSettingsOrganization.CreateAsync(portal);
        var url = Url(org.OrganizationId, "/identity-access/what-if");
        var settings = await client.GetFromJsonAsync<JsonObject>(Url(org.OrganizationId, "/identity-access"));
        settings!["roleMappings"]![0]!["role"] = "Wizard";

        foreach (var (body, field) in new (JsonObject, string)[]
        {
            (new JsonObject(), "email"),
            (new JsonObject { ["email"] = queue.Waiting[0], ["groupKeys"] = new JsonArray(org.OwnersGroup) }, "email"),
            (new JsonObject { ["groupKeys"] = new JsonArray(org.OwnersGroup, "no-such-group") }, "groupKeys[1]"),
            (new JsonObject { ["groupKeys"] = new JsonArray(other.OwnersGroup) }, "groupKeys[0]"), // another tenant's group
            (new JsonObject { ["email"] = queue.Waiting[0], ["settings"] = settings }, "settings.roleMappings[0].role"),
        })
        {
            var problem = await AssertProblemAsync(await client.PostAsync(url, Json(body)), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem.GetRawText()}");
        }

        foreach (var email in new[] { $"nobody@{org.Domain}", $"owner@{other.Domain}" })
        {
            var problem = await AssertProblemAsync(await client.PostAsync(url, Json(new JsonObject { ["email"] = email })), HttpStatusCode.NotFound);
            Assert.Equal("PersonNotKnown", problem.GetProperty("code").GetString());
            Assert.DoesNotContain(other.Domain, problem.GetRawText().Replace($"owner@{other.Domain}", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RoleExplanation_TheOwnerByOwners_AndNobodyElsesPeople()
    {
        var (queue, client) = await OwnAsync();
        var org = queue.Org;
        var other = await OwnSettingsOrganization.CreateAsync(portal);

        var explanation = await client.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId, $"/members/{org.Owner}/role-explanation"));

        Assert.Equal(("Scim", true), (explanation.GetProperty("mode").GetString(), explanation.GetProperty("advancedGroupMappings").GetBoolean()));
        var outcome = explanation.GetProperty("outcome");
        Assert.Equal((org.Owner, "Owner", "Premium"), (outcome.GetProperty("personId").GetGuid(), outcome.GetProperty("after").GetProperty("role").GetString(),
            outcome.GetProperty("after").GetProperty("tier").GetString()));
        Assert.NotEmpty(outcome.GetProperty("reasons").EnumerateArray());
        foreach (var stranger in new[] { other.Owner, other.Carol, Guid.NewGuid() })
        {
            var problem = await AssertProblemAsync(await client.GetAsync(Url(org.OrganizationId, $"/members/{stranger}/role-explanation")), HttpStatusCode.NotFound);
            Assert.DoesNotContain(other.Domain, problem.GetRawText());
        }
    }

    [Fact]
    public async Task NotMembers_TheUnmappedPerson_WithWhyNot_Searchable_AndABadCursor400()
    {
        var (queue, client) = await OwnAsync();
        var org = queue.Org;
        var unmapped = await AddUnmappedAsync(org);

        var all = await client.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId, "/identity-access/not-members"));
        var found = await client.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId, $"/identity-access/not-members?search={unmapped[..12]}"));

        var person = Assert.Single(all.GetProperty("items").EnumerateArray(), p => p.GetProperty("email").GetString() == unmapped);
        Assert.NotEmpty(person.GetProperty("reasons").EnumerateArray());
        Assert.True(all.GetProperty("total").GetInt32() >= 1);
        Assert.Equal([unmapped], found.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("email").GetString()));
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, found.GetProperty("nextCursor").ValueKind);
        var problem = await AssertProblemAsync(await client.GetAsync(Url(org.OrganizationId, "/identity-access/not-members?cursor=nope")), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), problem.GetRawText());
    }

    [Fact]
    public async Task DirectorySyncStatus_EachValidToken_NotPaused()
    {
        var (queue, _) = await OwnAsync();
        var org = queue.Org;
        var writer = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite)).Token);
        var token = await (await writer.PostAsync("/api/v1/scim-tokens", Json(new JsonObject()))).Content.ReadFromJsonAsync<JsonElement>();

        var secret = token.GetProperty("secret").GetString()!;
        var before = await writer.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId, "/directory-sync-status"));
        var idp = portal.KeyClient(secret);
        var pushed = await idp.PostAsync("/scim/v2/Users", new StringContent(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
            ["userName"] = $"pushed@{org.Domain}",
            ["externalId"] = "entra-pushed",
            ["active"] = true,
        }.ToJsonString(), Encoding.UTF8, "application/scim+json"));
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);

        // The request's log row is queued as the answer leaves and written behind it: ask until it is in (a bounded
        // number of times; the figure is what is asserted, not how soon).
        var logWriter = portal.Factory.Services.GetRequiredService<ProvisioningLogWriter>();
        var after = before;
        for (var attempt = 0; attempt < 50 && Assert.Single(after.GetProperty("tokens").EnumerateArray()).GetProperty("requestsLastDay").GetInt32() == 0; attempt++)
        {
            await Task.Delay(attempt * 10);
            await logWriter.FlushAsync();
            after = await writer.GetFromJsonAsync<JsonElement>(Url(org.OrganizationId, "/directory-sync-status"));
        }

        var health = Assert.Single(before.GetProperty("tokens").EnumerateArray());
        Assert.Equal(token.GetProperty("id").GetGuid(), health.GetProperty("tokenId").GetGuid());
        Assert.Equal((0, false), (health.GetProperty("requestsLastDay").GetInt32(), health.GetProperty("quiet").GetBoolean()));
        var used = Assert.Single(after.GetProperty("tokens").EnumerateArray());
        Assert.Equal((1, 0), (used.GetProperty("requestsLastDay").GetInt32(), used.GetProperty("errorsLastDay").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, used.GetProperty("lastRequestAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("paused").ValueKind);
        Assert.DoesNotContain(secret, after.GetRawText());
    }

    [Fact]
    public async Task WhoMustNot_OutsideTheKeysReach404_RevokedOrNone401_APageRefusal403()
    {
        var (queue, _) = await OwnAsync();
        var org = queue.Org;
        var routes = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.PostAsync(Url(org.OrganizationId, "/identity-access/what-if"), Json(new JsonObject { ["email"] = queue.Waiting[0] })),
            c => c.GetAsync(Url(org.OrganizationId, $"/members/{org.Owner}/role-explanation")),
            c => c.GetAsync(Url(org.OrganizationId, "/identity-access/not-members")),
            c => c.GetAsync(Url(org.OrganizationId, "/directory-sync-status")),
        };
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly, await queue.AddSiblingAsync(portal))).Token);
        var (_, stranger) = await OwnAsync();
        var revokedKey = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, revokedKey.Id, org.Owner));
        var before = await StateAsync(org.OrganizationId);

        foreach (var route in routes)
        {
            foreach (var client in new[] { limited, stranger })
            {
                var problem = await AssertProblemAsync(await route(client), HttpStatusCode.NotFound);
                Assert.DoesNotContain(queue.Waiting[0], problem.GetRawText());
            }

            await AssertProblemAsync(await route(portal.KeyClient(revokedKey.Token)), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await route(portal.KeyClient(null)), HttpStatusCode.Unauthorized);
        }

        // A key limited to the organization itself: the directory's health is the whole parent's (its tokens, its organizations).
        var own = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly, org.OrganizationId)).Token);
        Assert.Equal("KeyLimitedToOrganizations",
            (await AssertProblemAsync(await routes[3](own), HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await routes[2](own)).StatusCode);

        // The creator no longer administers the parent: what the API let them ask is refused.
        var creator = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        foreach (var route in routes)
        {
            await AssertProblemAsync(await route(creator), HttpStatusCode.Forbidden);
        }

        Assert.Equal(before, await StateAsync(org.OrganizationId));
    }
}

public sealed class SqliteExplanationEndpointTests(ApiKestrelPortal portal) : ExplanationEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresExplanationEndpointTests(PostgresApiKestrelPortal portal) : ExplanationEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
