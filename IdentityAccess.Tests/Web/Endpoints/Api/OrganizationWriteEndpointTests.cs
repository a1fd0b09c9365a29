using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// POST /api/v1/organizations on Kestrel: an organization under the key's parent through the parent page's own command,
/// its creator its Owner, answered as GET answers it; a replay with the same Idempotency-Key creates one; the dialog's
/// rules as 400s by field; and who must not, each time with no organization made.
/// </summary>
public abstract class OrganizationWriteEndpointTests(ApiKestrelPortal portal)
{
    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject Body(string name, string plan = "Enterprise", int premium = 2, int standard = 5) =>
        new() { ["name"] = name, ["plan"] = plan, ["premiumSeats"] = premium, ["standardSeats"] = standard };

    private async Task<(OwnSettingsOrganization Org, HttpClient Client, CreatedApiKey Key)> OwnAsync(ApiKeyScope scope = ApiKeyScope.ReadWrite)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var key = await portal.CreateKeyAsync(org.ParentId, org.Owner, scope);
        return (org, portal.KeyClient(key.Token), key);
    }

    private async Task<int> OrganizationsAsync(Guid parentId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Organizations.CountAsync(o => o.ParentOrganizationId == parentId);
    }

    [Fact]
    public async Task Create_201WithLocation_AsGetAnswers_TheCreatorIsItsOwner_AuditedWithTheKey()
    {
        var (org, client, key) = await OwnAsync();

        var response = await client.PostAsync("/api/v1/organizations", Json(Body("  Research  ")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/organizations/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("Research", "Enterprise", "Manual"),
            (created.GetProperty("name").GetString(), created.GetProperty("plan").GetString(), created.GetProperty("provisioningMode").GetString()));
        Assert.Equal(created.GetRawText(), (await client.GetFromJsonAsync<JsonElement>(response.Headers.Location)).GetRawText());
        await using var db = await portal.Factory.CreateDbContextAsync();
        var owner = await db.Memberships.SingleAsync(m => m.OrganizationId == id);
        Assert.Equal((org.Owner, Role.Owner, MembershipStatus.Active), (owner.PersonId, owner.Role, owner.Status));
        Assert.Equal(org.ParentId, (await db.Organizations.SingleAsync(o => o.Id == id)).ParentOrganizationId);
        var entry = await db.AuditEvents.SingleAsync(e => e.OrganizationId == id && e.Action == "organization.created");
        Assert.Equal($"{key.Name} ({key.Prefix})", entry.ViaApiKey);
    }

    [Fact]
    public async Task Create_Console_TakesUntieredSeats()
    {
        var (_, client, _) = await OwnAsync();

        var response = await client.PostAsync("/api/v1/organizations", Json(new JsonObject { ["name"] = "Ops", ["plan"] = "console", ["consoleSeats"] = 3 }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Console", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("plan").GetString());
    }

    [Fact]
    public async Task Create_ReplayedWithTheSameIdempotencyKey_CreatesOne_AndAnswersTheSame()
    {
        var (org, client, _) = await OwnAsync();
        HttpRequestMessage Post() => new(HttpMethod.Post, "/api/v1/organizations") { Content = Json(Body("Once")), Headers = { { "Idempotency-Key", "create-once" } } };

        var first = await client.SendAsync(Post());
        var retry = await client.SendAsync(Post());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(2, await OrganizationsAsync(org.ParentId));
    }

    public static TheoryData<string, string, string> BadInput() => new()
    {
        { """{"plan":"Enterprise","premiumSeats":1}""", "name", "OrganizationNameRequired" },
        { $$"""{"name":"{{new string('x', 201)}}","plan":"Enterprise","premiumSeats":1}""", "name", "OrganizationNameTooLong" },
        { """{"name":"X","premiumSeats":1}""", "plan", "Required" },
        { """{"name":"X","plan":"Gold","premiumSeats":1}""", "plan", "UnknownPlan" },
        { """{"name":"X","plan":"1","premiumSeats":1}""", "plan", "UnknownPlan" },
        { """{"name":"X","plan":"Enterprise"}""", "premiumSeats", "PremiumSeatRequired" },
        { """{"name":"X","plan":"Enterprise","premiumSeats":1,"consoleSeats":1}""", "consoleSeats", "ChatSeatsOnly" },
        { """{"name":"X","plan":"Console"}""", "consoleSeats", "ConsoleSeatRequired" },
        { """{"name":"X","plan":"Enterprise","premiumSeats":-1}""", "premiumSeats", "SeatsOutOfRange" },
        { """{"name":"X","plan":"Team","premiumSeats":1}""", "plan", "PlanCannotJoinParent" }, // an Enterprise parent holds no Team organization
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Create_BadInput_400NamingTheFieldAndTheRule_NothingMade(string body, string field, string code)
    {
        var (org, client, _) = await OwnAsync();

        var problem = await AssertProblemAsync(await client.PostAsync("/api/v1/organizations", new StringContent(body, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Contains(problem.GetProperty("refusals").EnumerateArray(), r => r.GetProperty("code").GetString() == code);
        Assert.Equal(1, await OrganizationsAsync(org.ParentId));
    }

    // Who must not.

    [Fact]
    public async Task ReadOnlyKey_403_NothingMade()
    {
        var (org, _, _) = await OwnAsync();
        var reader = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);

        await AssertProblemAsync(await reader.PostAsync("/api/v1/organizations", Json(Body("No"))), HttpStatusCode.Forbidden);
        Assert.Equal(1, await OrganizationsAsync(org.ParentId));
    }

    [Fact]
    public async Task KeyLimitedToAnOrganization_403_CreatingIsTheWholeParents_NothingMade()
    {
        var (org, _, _) = await OwnAsync();
        var limited = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite, org.OrganizationId)).Token);

        var problem = await AssertProblemAsync(await limited.PostAsync("/api/v1/organizations", Json(Body("No"))), HttpStatusCode.Forbidden);

        Assert.Equal("KeyLimitedToOrganizations", problem.GetProperty("code").GetString());
        Assert.Equal(1, await OrganizationsAsync(org.ParentId));
    }

    [Fact]
    public async Task AnotherParentsKey_CreatesUnderItsOwnParentOnly()
    {
        var (org, _, _) = await OwnAsync();
        var (other, stranger, _) = await OwnAsync();

        Assert.Equal(HttpStatusCode.Created, (await stranger.PostAsync("/api/v1/organizations", Json(Body("Theirs")))).StatusCode);

        Assert.Equal((1, 2), (await OrganizationsAsync(org.ParentId), await OrganizationsAsync(other.ParentId)));
    }

    [Fact]
    public async Task CreatorNoLongerAParentAdmin_403_RevokedOrNoKey_401_NothingMade()
    {
        var (org, client, _) = await OwnAsync();
        var (other, revoked, revokedKey) = await OwnAsync();
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(other.ParentId, revokedKey.Id, other.Owner));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Owner).ExecuteDeleteAsync();
        }

        await AssertProblemAsync(await client.PostAsync("/api/v1/organizations", Json(Body("No"))), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await revoked.PostAsync("/api/v1/organizations", Json(Body("No"))), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await portal.KeyClient(null).PostAsync("/api/v1/organizations", Json(Body("No"))), HttpStatusCode.Unauthorized);
        Assert.Equal((1, 1), (await OrganizationsAsync(org.ParentId), await OrganizationsAsync(other.ParentId)));
    }
}

public sealed class SqliteOrganizationWriteEndpointTests(ApiKestrelPortal portal) : OrganizationWriteEndpointTests(portal), IClassFixture<ApiKestrelPortal>;

[Trait("Category", "Postgres")]
public sealed class PostgresOrganizationWriteEndpointTests(PostgresApiKestrelPortal portal) : OrganizationWriteEndpointTests(portal), IClassFixture<PostgresApiKestrelPortal>;
