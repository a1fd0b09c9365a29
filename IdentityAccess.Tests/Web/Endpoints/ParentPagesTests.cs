using System.Net;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints;

/// <summary>
/// The parent page and the Identity and access page through the whole HTTP pipeline: who sees them, read-only or not,
/// and who gets 403 or 404 (the prerendered response carries the status).
/// </summary>
public sealed class ParentPagesTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData("alice@acme.test", "You are one of its admins.")]              // the parent admin
    [InlineData("oscar@acme.test", "Read-only: only its admins change it.")]   // the Admin of a sibling organization
    public async Task ParentPage_AdminOrTopRoleOfAnOrganization_Shown(string email, string expected)
    {
        var response = await portal.CreateClient(portal.Demo.Person(email)).GetAsync($"/parents/{portal.Demo.AcmeParent}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob@acme.test", HttpStatusCode.Forbidden)]   // a chat Admin of one of its organizations
    [InlineData("carol@acme.test", HttpStatusCode.Forbidden)] // a chat User
    [InlineData("grace@globex.test", HttpStatusCode.NotFound)] // another parent's admin learns nothing
    public async Task ParentPage_Others_403Or404(string email, HttpStatusCode expected)
    {
        var response = await portal.CreateClient(portal.Demo.Person(email)).GetAsync($"/parents/{portal.Demo.AcmeParent}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task IdentityPage_ChatAdmin_ShownWithTheParentsSettingsReadOnlyAndWhoDecides()
    {
        var response = await portal.CreateClient(portal.Demo.Person("bob@acme.test")).GetAsync($"/orgs/{portal.Demo.AcmeChat}/identity");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Managed by the parent organization's admins: Alice Anders.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"set-up-scim\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"add-domain\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewOrganizationPage_SignedIn_Shown()
    {
        var response = await portal.CreateClient(portal.Demo.Person("hank@globex.test")).GetAsync("/organizations/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Parent organization name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
