using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1 behind an API key, on Kestrel: who gets in (a valid key acting as its creator) and who does not (no key, a
/// wrong, revoked or expired one, a creator who lost the parent-admin role, a cookie), always as an RFC 9457 problem.
/// </summary>
public sealed class ApiKeyAuthenticationEndpointTests(ApiKestrelPortal portal) : IClassFixture<ApiKestrelPortal>
{
    private Guid Alice => portal.Demo.Person("alice@acme.test");

    [Fact]
    public async Task Organizations_ValidKey_ListsItsParentsOrganizations_Only()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);

        var response = await portal.KeyClient(key.Token).GetAsync("/api/v1/organizations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Contains("Acme", names);
        Assert.DoesNotContain("Globex Team", names);
    }

    [Theory]
    [InlineData(null)]                                  // no key
    [InlineData("ia_0123456789ab_notthesecretatall")]   // shaped like a key, unknown
    [InlineData("ia_scim_abcdefghijklmnopqrstuvwxyz")]  // a SCIM token is no API key
    public async Task Organizations_WithoutAValidKey_401Problem(string? token) =>
        await AssertProblemAsync(await portal.KeyClient(token).GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Organizations_RightPrefixWrongSecret_401()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);
        var wrong = $"ia_{key.Prefix}_{new string('A', 43)}";

        await AssertProblemAsync(await portal.KeyClient(wrong).GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Organizations_RevokedKey_401SayingSo()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(portal.Demo.AcmeParent, key.Id, Alice));

        var problem = await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organizations_ExpiredKey_401SayingSo()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var problem = await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organizations_CreatorLostTheParentAdminRole_403()
    {
        var admins = portal.Factory.Services.GetRequiredService<ParentAdministration>();
        var bob = portal.Demo.Person("bob@acme.test");
        Assert.Null(await admins.GrantAsync(portal.Demo.AcmeParent, "bob@acme.test", Alice));
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, bob);
        Assert.Equal(HttpStatusCode.OK, (await portal.KeyClient(key.Token).GetAsync("/api/v1/organizations")).StatusCode);

        Assert.Null(await admins.RevokeAsync(portal.Demo.AcmeParent, bob, Alice));

        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync("/api/v1/organizations"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync($"/api/v1/organizations/{portal.Demo.AcmeChat}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Api_PortalSignInWithoutAKey_401_NotTheSignInPage()
    {
        // A signed-in person's cookie (here the test sign-in) does not open /api/v1: only a key does.
        await AssertProblemAsync(await portal.CreateClient(Alice).GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("DELETE", "/api/v1/organizations")]
    public async Task Api_UnknownRouteOrMethod_ProblemNeverHtml(string method, string path)
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);

        var response = await portal.KeyClient(key.Token).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.True((int)response.StatusCode is 404 or 405, $"{response.StatusCode}");
        await AssertProblemAsync(response, response.StatusCode);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
