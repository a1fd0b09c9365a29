using System.Net;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static IdentityAccess.Tests.TestSupport.AcmeScimDirectory;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Query;

/// <summary>
/// sortBy/sortOrder (RFC 7644 §3.4.2.3) with paging, Group filters (members as an EXISTS), and the proof that a filter
/// is SQL: the WHERE clause EF Core generates holds it. On SQLite and PostgreSQL.
/// </summary>
/// <remarks>The tests only read: the class shares one app and the users and groups it creates (<see cref="ScimSortAndGroupFilterDirectory"/>).</remarks>
public abstract class ScimSortAndGroupFilterTests(ScimSortAndGroupFilterDirectory directory, ITestOutputHelper output)
{
    private readonly PortalFixture _portal = directory.Portal;
    private readonly AcmeScimDirectory _acme = directory.Acme;
    private readonly IReadOnlyDictionary<string, string> _users = directory.Users;

    private async Task<string[]> PageAsync(string resource, string filter, string query, string field)
    {
        var body = await BodyAsync(await _acme.Client.GetAsync($"/scim/v2/{resource}?filter={Uri.EscapeDataString(filter)}&{query}"));
        return [.. body["Resources"]!.AsArray().Select(r => r![field]!.GetValue<string>())];
    }

    private Task<string[]> UsersAsync(string query) => PageAsync("Users", "userName sw \"fs-\"", query, "userName");

    [Fact]
    public async Task SortBy_FamilyName_BothOrders_PagedStably_UnassignedLastWhenAscending()
    {
        Assert.Equal(["fs-ann@acme.test", "fs-bob@acme.test"], await UsersAsync("sortBy=name.familyName&count=2"));
        Assert.Equal(["fs-cat@acme.test", "fs-dan@acme.test"], await UsersAsync("sortBy=name.familyName&sortOrder=ASCENDING&startIndex=3&count=2"));
        Assert.Equal(["fs-dan@acme.test", "fs-cat@acme.test", "fs-bob@acme.test"], await UsersAsync("sortBy=name.familyName&sortOrder=descending&count=3"));
    }

    [Fact]
    public async Task SortBy_AttributeWithTies_TieBrokenById_SoPagesNeverRepeatOrSkip()
    {
        var pages = new List<string>();
        for (var start = 1; start <= 4; start++)
        {
            pages.AddRange(await UsersAsync($"sortBy=active&sortOrder=descending&startIndex={start}&count=1"));
        }

        Assert.Equal(4, pages.Distinct().Count());
        Assert.Equal("fs-bob@acme.test", pages[^1]); // the only inactive one, last when descending
    }

    [Fact]
    public async Task SortBy_UrnQualifiedGroupDisplayName_Descending()
    {
        Assert.Equal(["FS Gamma", "FS Beta", "FS Alpha"],
            await PageAsync("Groups", "displayName sw \"FS\"", "sortBy=urn:ietf:params:scim:schemas:core:2.0:Group:displayName&sortOrder=descending", "displayName"));
    }

    [Theory]
    [InlineData("Users", "sortBy=password", "password")]
    [InlineData("Users", "sortBy=emails[type eq \"work\"]", "emails")]
    [InlineData("Groups", "sortBy=members", "members")]
    [InlineData("Users", "sortBy=userName&sortOrder=sideways", "sideways")]
    public async Task SortBy_Unknown_400InvalidValueNamingIt(string resource, string query, string named)
    {
        var response = await _acme.Client.GetAsync($"/scim/v2/{resource}?{query}&count=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("invalidValue", body["scimType"]!.GetValue<string>());
        Assert.Contains(named, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("displayName eq \"fs alpha\"", "FS Alpha")]
    [InlineData("externalId eq \"ext-Beta\"", "FS Beta")]
    [InlineData("externalId eq \"ext-beta\"", "")]
    [InlineData("members[value eq \"{ann}\"]", "FS Alpha")]
    [InlineData("members.value eq \"{bob}\" or members.value eq \"{ann}\"", "FS Alpha,FS Beta")]
    [InlineData("not (members pr)", "FS Gamma")]
    [InlineData("displayName co \"a\" and not (displayName ew \"ALPHA\")", "FS Beta,FS Gamma")]
    [InlineData("meta.created gt \"2000-01-01T00:00:00Z\" and members pr", "FS Alpha,FS Beta")]
    public async Task GroupFilter_MatchesExactlyThoseGroups(string filter, string expected)
    {
        var resolved = filter.Replace("{ann}", _users["ann"], StringComparison.Ordinal).Replace("{bob}", _users["bob"], StringComparison.Ordinal);

        var names = await PageAsync("Groups", $"displayName sw \"FS\" and ({resolved})", "excludedAttributes=members", "displayName");

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("members.display eq \"Ann\"")]
    [InlineData("members[value sw \"0\"]")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"x\"")]
    public async Task GroupFilter_Unsupported_400InvalidFilter(string filter)
    {
        var response = await _acme.Client.GetAsync($"/scim/v2/Groups?filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidFilter", (await BodyAsync(response))["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filter_IsTranslatedToTheSqlWhereClause_NotEvaluatedInMemory()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var users = db.DirectoryUsers.Where(u => u.ParentOrganizationId == _acme.ParentId);
        var filter = ScimFilter.Parse("emails[type eq \"work\" and value co \"@acme.test\"] or (name.familyName sw \"Ca\" and not (active eq true))");
        var groups = ScimGroupQuery.Filter(db.DirectoryGroups.Where(g => g.ParentOrganizationId == _acme.ParentId), db.DirectoryGroupMembers,
            ScimFilter.Parse($"displayName eq \"FS Alpha\" or members[value eq \"{_users["bob"]}\"]"));

        var userSql = ScimUserQuery.Filter(users, filter).ToQueryString();
        var groupSql = groups.ToQueryString();
        output.WriteLine(userSql);
        output.WriteLine(groupSql);

        Assert.Contains("EmailType", userSql, StringComparison.Ordinal);
        Assert.Contains("FamilyName", userSql, StringComparison.Ordinal);
        Assert.Contains("Active", userSql, StringComparison.Ordinal);
        Assert.Contains("EXISTS", groupSql, StringComparison.Ordinal);
        Assert.Contains("NormalizedDisplayName", groupSql, StringComparison.Ordinal);
        var userName = ScimUserQuery.Filter(users, ScimFilter.Parse("userName eq \"fs-ann@acme.test\"")).ToQueryString();
        Assert.Contains("\"NormalizedUserName\" = ", userName, StringComparison.Ordinal); // the indexed column, compared as is
        Assert.Equal(1, await ScimUserQuery.Filter(users, ScimFilter.Parse("userName eq \"FS-ANN@acme.test\"")).CountAsync());
    }
}

public sealed class SqliteScimSortAndGroupFilterTests(ScimSortAndGroupFilterDirectory.Sqlite directory, ITestOutputHelper output)
    : ScimSortAndGroupFilterTests(directory, output), IClassFixture<ScimSortAndGroupFilterDirectory.Sqlite>;

[Trait("Category", "Postgres")]
public sealed class PostgresScimSortAndGroupFilterTests(ScimSortAndGroupFilterDirectory.Postgres directory, ITestOutputHelper output)
    : ScimSortAndGroupFilterTests(directory, output), IClassFixture<ScimSortAndGroupFilterDirectory.Postgres>;
