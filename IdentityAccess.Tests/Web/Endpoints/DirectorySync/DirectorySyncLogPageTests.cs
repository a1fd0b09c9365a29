using System.Net;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.DirectorySync;

/// <summary>The directory sync log page through the whole HTTP pipeline: only who manages identity and access opens it.</summary>
public abstract class DirectorySyncLogPageTests(PortalFixture portal)
{
    [Theory]
    [InlineData("Acme")]
    [InlineData("Acme Console")] // the Console Admin manages the same parent's directory
    public async Task LogPage_TopRole_Returns200WithTheRetentionRule(string organization)
    {
        var id = organization == "Acme" ? portal.Demo.AcmeChat : portal.Demo.AcmeConsole;

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{id}/directory-sync");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Directory sync log", html, StringComparison.Ordinal);
        Assert.Contains("Kept 30 days (at most the newest 100,000 requests)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob@acme.test")]     // a chat Admin
    [InlineData("carol@acme.test")]   // a chat User
    [InlineData("grace@globex.test")] // the owner of another parent's organization
    public async Task LogPage_WithoutManageIdentityAccess_Returns403(string email)
    {
        var response = await portal.CreateClient(portal.Demo.Person(email)).GetAsync($"/orgs/{portal.Demo.AcmeChat}/directory-sync");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You don&#x27;t have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPage_UnknownOrganization_Returns404Page()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{Guid.NewGuid()}/directory-sync");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteDirectorySyncLogPageTests(SqlitePortalFixture portal) : DirectorySyncLogPageTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresDirectorySyncLogPageTests(PostgresPortalFixture portal) : DirectorySyncLogPageTests(portal), IClassFixture<PostgresPortalFixture>;
