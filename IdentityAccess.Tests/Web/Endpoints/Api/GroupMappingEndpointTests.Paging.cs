using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// A dry run in pages (the settings resource's and this one's, which share it): the same window of every kind of change,
/// the counts whole, the pages together the whole list in the dialog's order; a later page of a dry run that changed
/// meanwhile refused with the new one's first page; a bad limit or cursor refused by its field.
/// </summary>
public abstract partial class GroupMappingEndpointTests
{
    private static IEnumerable<(string Change, string Email)> People(JsonElement dryRun) =>
        dryRun.GetProperty("changes").EnumerateArray().SelectMany(g => g.GetProperty("people").EnumerateArray()
            .Select(p => (g.GetProperty("change").GetString()!, p.GetProperty("email").GetString()!)));

    [Fact]
    public async Task DryRun_InPagesOfTwo_TheSameDryRunAsOnePage_CountsWhole()
    {
        var queue = await SeatQueueOrganization.CreateAsync(portal, 5);
        var client = portal.KeyClient((await portal.CreateKeyAsync(queue.Org.ParentId, queue.Org.Owner, ApiKeyScope.ReadOnly)).Token);
        var whole = await client.PostAsync(Url(queue.Org.OrganizationId, "/dry-run"), Json(Mappings(queue.Org, "Premium")));
        var all = await whole.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(all.GetProperty("changes").EnumerateArray().Max(g => g.GetProperty("count").GetInt32()) > 2, all.GetRawText()); // else nothing to page
        Assert.Equal(JsonValueKind.Null, all.GetProperty("nextCursor").ValueKind);

        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "?limit=2" : $"?limit=2&cursor={cursor}";
            var response = await client.PostAsync(Url(queue.Org.OrganizationId, "/dry-run" + query), Json(Mappings(queue.Org, "Premium")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.All(page.GetProperty("changes").EnumerateArray(), g => Assert.True(g.GetProperty("people").GetArrayLength() <= 2));
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        Assert.InRange(pages.Count, 3, 9); // 5 people of one kind in pages of two
        // Every kind's people, page after page, are that kind's list in the one answer: same people, same order, nobody twice.
        Assert.Equal(People(all).OrderBy(p => p.Change, StringComparer.Ordinal).Select(p => p.Email),
            pages.SelectMany(People).OrderBy(p => p.Change, StringComparer.Ordinal).Select(p => p.Email));
        Assert.All(pages, page => Assert.Equal(all.GetProperty("fingerprint").GetString(), page.GetProperty("fingerprint").GetString()));
        Assert.All(pages, page => Assert.Equal(
            all.GetProperty("changes").EnumerateArray().Select(g => g.GetProperty("count").GetInt32()),
            page.GetProperty("changes").EnumerateArray().Select(g => g.GetProperty("count").GetInt32())));
    }

    [Fact]
    public async Task DryRun_NextPageAfterTheSettingsChanged_409WithTheNewDryRunsFirstPage()
    {
        var org = (await SeatQueueOrganization.CreateAsync(portal, 5)).Org;
        var client = portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadOnly)).Token);
        var first = await (await client.PostAsync(Url(org.OrganizationId, "/dry-run?limit=2"), Json(Mappings(org, "Premium")))).Content.ReadFromJsonAsync<JsonElement>();
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = (await settings.GetAsync(org.OrganizationId, org.Owner))!.Saved;
        Assert.Empty((await settings.SaveAsync(org.OrganizationId,
            saved with { RoleMappings = [new RoleMapping(org.OwnersGroup, Role.Owner), new RoleMapping(org.StaffGroup, Role.Admin)] }, org.Owner, null)).Errors);

        var problem = await AssertProblemAsync(
            await client.PostAsync(Url(org.OrganizationId, $"/dry-run?limit=2&cursor={cursor}"), Json(Mappings(org, "Premium"))), HttpStatusCode.Conflict);

        Assert.Equal("DryRunChangedWhilePaging", problem.GetProperty("code").GetString());
        var fresh = problem.GetProperty("dryRun");
        Assert.NotEqual(first.GetProperty("fingerprint").GetString(), fresh.GetProperty("fingerprint").GetString());
        Assert.All(fresh.GetProperty("changes").EnumerateArray(), g => Assert.True(g.GetProperty("people").GetArrayLength() <= 2)); // of the size asked for
        Assert.NotEqual(JsonValueKind.Null, fresh.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=5001", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?cursor=djE6Mg", "cursor")] // a list's cursor ("v1:2"), not a dry run's
    public async Task DryRun_ABadPage_400NamingTheField(string query, string field)
    {
        var (queue, client, _) = await OwnAsync(ApiKeyScope.ReadOnly);

        var problem = await AssertProblemAsync(
            await client.PostAsync(Url(queue.Org.OrganizationId, "/dry-run" + query), Json(Mappings(queue.Org, "Premium"))), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }
}
