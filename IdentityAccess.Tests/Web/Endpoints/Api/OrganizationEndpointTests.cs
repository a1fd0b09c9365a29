using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Organizations;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// /api/v1/organizations on Kestrel: a key reaches its own parent's organizations within its limit, and another's is
/// not found (never "forbidden", which would tell it exists); members a page at a time through an opaque cursor.
/// </summary>
public sealed class OrganizationEndpointTests(ApiKestrelPortal portal) : IClassFixture<ApiKestrelPortal>
{
    private Guid Alice => portal.Demo.Person("alice@acme.test");

    [Fact]
    public async Task Get_OrganizationOfTheKeysParent_Ok()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);

        var organization = await portal.KeyClient(key.Token).GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{portal.Demo.AcmeChat}");

        Assert.Equal(("Acme", "Chat"), (organization.GetProperty("name").GetString(), organization.GetProperty("product").GetString()));
    }

    [Fact]
    public async Task Get_OrganizationOfAnotherParent_404()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice, ApiKeyScope.ReadWrite);

        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync($"/api/v1/organizations/{portal.Demo.GlobexTeam}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync($"/api/v1/organizations/{portal.Demo.GlobexTeam}/members"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync($"/api/v1/organizations/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task KeyLimitedToOneOrganization_OthersNotFound_AndNotListed()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice, ApiKeyScope.ReadOnly, portal.Demo.AcmeChat);
        var client = portal.KeyClient(key.Token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/organizations/{portal.Demo.AcmeChat}")).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/organizations/{portal.Demo.AcmeConsole}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.GetAsync($"/api/v1/organizations/{portal.Demo.AcmeConsole}/members"), HttpStatusCode.NotFound);
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations")).GetProperty("items").EnumerateArray()
            .Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([portal.Demo.AcmeChat], listed);
    }

    [Fact]
    public async Task Members_PagedByCursor_EveryoneOnce_ThenNoCursor()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);
        var client = portal.KeyClient(key.Token);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{portal.Demo.AcmeChat}/members?limit=2&cursor={cursor}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("email").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains("alice@acme.test", seen);
        Assert.Contains("carol@acme.test", seen);
        Assert.Equal((seen.Count + 1) / 2, pages);
    }

    [Fact]
    public async Task Members_Search_FindsThePerson()
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);

        var page = await portal.KeyClient(key.Token).GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{portal.Demo.AcmeChat}/members?search=carol");

        Assert.Equal(["carol@acme.test"], page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("email").GetString()));
    }

    [Theory]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    [InlineData("limit=abc")]
    public async Task Members_BadPaging_400Problem(string query)
    {
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, Alice);

        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync($"/api/v1/organizations/{portal.Demo.AcmeChat}/members?{query}"),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Members_WhereTheCreatorMayNotManageMembers_403AsThePageWould()
    {
        // Oscar is the Admin of Acme Labs; made a parent admin, he creates a key. In Acme (chat) he is no member, and
        // the members page is for its Owners and Admins: the key gets what he would get.
        var admins = portal.Factory.Services.GetRequiredService<ParentAdministration>();
        Assert.Null(await admins.GrantAsync(portal.Demo.AcmeParent, "oscar@acme.test", Alice));
        var key = await portal.CreateKeyAsync(portal.Demo.AcmeParent, portal.Demo.Person("oscar@acme.test"));

        await AssertProblemAsync(await portal.KeyClient(key.Token).GetAsync($"/api/v1/organizations/{portal.Demo.AcmeChat}/members"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await portal.KeyClient(key.Token).GetAsync($"/api/v1/organizations/{portal.Demo.AcmeLabs}/members")).StatusCode);
    }
}
