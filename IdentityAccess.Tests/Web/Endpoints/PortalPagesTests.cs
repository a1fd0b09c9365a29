using System.Net;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints;

/// <summary>Pages through the whole HTTP pipeline, on each database provider.</summary>
public abstract class PortalPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task Healthz_DatabaseUp_ReturnsHealthy()
    {
        var response = await portal.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MembersPage_Owner_ReturnsPageWithSeatUsage()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/members");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Members", html);
        Assert.Contains("Premium seats", html);
        Assert.Contains("Total seats 10", html);
    }

    [Fact]
    public async Task MembersPage_UnknownOrganization_Returns404Page()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{Guid.NewGuid()}/members");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MembersPage_OrganizationIdNotAGuid_Returns404Page()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync("/orgs/not-an-id/members");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MemberDetail_MembershipOfAnotherOrganization_Returns404()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var globexMembership = db.Memberships.First(m => m.OrganizationId == portal.Demo.GlobexTeam).Id;

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test"))
            .GetAsync($"/orgs/{portal.Demo.AcmeChat}/members/{globexMembership}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MemberDetail_OwnMembership_ShowsRoleAndTier()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var carol = db.Memberships.Single(m => m.OrganizationId == portal.Demo.AcmeChat && m.PersonId == portal.Demo.Person("carol@acme.test")).Id;

        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/members/{carol}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Carol Chen", html);
        Assert.Contains("Standard", html);
    }

    [Theory]
    [InlineData("carol@acme.test", "identity")] // a chat User
    [InlineData("carol@acme.test", "members")]
    [InlineData("grace@globex.test", "members")] // the owner of another parent's organization
    [InlineData("carol@acme.test", "audit")]
    public async Task OrganizationPage_WithoutTheRole_Returns403WithReason(string email, string section)
    {
        var response = await portal.CreateClient(portal.Demo.Person(email)).GetAsync($"/orgs/{portal.Demo.AcmeChat}/{section}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You don&#x27;t have access to this page", html);
    }

    [Fact]
    public async Task IdentityPage_ConsoleAdmin_ShowsScimAvailable()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeConsole}/identity");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Directory sync (SCIM)", html);
        Assert.DoesNotContain("mode-unavailable-reason", html);
    }

    [Fact]
    public async Task IdentityPage_TeamOwner_FirstResponseShowsTheSettingsAndWhyScimIsUnavailable()
    {
        var response = await portal.CreateClient(portal.Demo.Person("grace@globex.test")).GetAsync($"/orgs/{portal.Demo.GlobexTeam}/identity");

        // Read during the prerender: the first response shows the settings, not a progress bar in their place.
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Identity and access", html);
        Assert.Contains("Team plan", html);
        Assert.Contains("data-testid=\"mode-select\"", html);
        Assert.Contains("data-testid=\"mode-unavailable-reason\"", html);
    }

    [Fact]
    public async Task AuditPage_Owner_Returns200()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_Returns404Page()
    {
        var response = await portal.CreateClient(portal.Demo.Person("alice@acme.test")).GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqlitePortalPagesTests(SqlitePortalFixture portal) : PortalPagesTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresPortalPagesTests(PostgresPortalFixture portal) : PortalPagesTests(portal), IClassFixture<PostgresPortalFixture>;
