using System.Net;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints;

/// <summary>
/// A page opened by URL: the first HTML response holds the page's real content (read during the prerender), and only
/// for someone allowed to see it. That the circuit then does not read it again: <c>PrerenderedPagesJourneyTests</c>.
/// </summary>
public abstract class PrerenderedPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task MembersPage_Owner_FirstResponseHoldsTheMembersRowsAndSeats()
    {
        var html = await GetAsync("alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/members", HttpStatusCode.OK);

        Assert.Contains("data-label=\"Email\"", html); // rows, not an empty table waiting for the circuit
        foreach (var email in (string[])["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test"])
        {
            Assert.Contains(email, html);
        }

        Assert.Contains("Carol Chen", html);
        Assert.Contains("1-4 of 4", html); // the pager counts the whole table
        Assert.Contains("Total seats 10", html);
    }

    [Fact]
    public async Task IdentityPage_Owner_FirstResponseHoldsTheSettings()
    {
        var html = await GetAsync("alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity", HttpStatusCode.OK);

        Assert.Contains("data-testid=\"organization-sso\"", html);
        Assert.Contains("data-testid=\"mode-select\"", html);
        Assert.Contains("data-testid=\"save-changes\"", html);
        Assert.Contains("Advanced group mappings", html);
    }

    [Fact]
    public async Task IdentityPage_ChatUser_FirstResponseHoldsNoSettings()
    {
        var html = await GetAsync("carol@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity", HttpStatusCode.Forbidden);

        Assert.DoesNotContain("data-testid=\"organization-sso\"", html);
        Assert.DoesNotContain("data-testid=\"mode-select\"", html);
    }

    [Fact]
    public async Task MembersPage_OwnerOfAnotherParent_FirstResponseHoldsNoMembers()
    {
        var html = await GetAsync("grace@globex.test", $"/orgs/{portal.Demo.AcmeChat}/members", HttpStatusCode.Forbidden);

        Assert.DoesNotContain("carol@acme.test", html);
        Assert.DoesNotContain("data-label=\"Email\"", html);
        Assert.DoesNotContain("Total seats", html);
    }

    private async Task<string> GetAsync(string email, string path, HttpStatusCode expected)
    {
        var response = await portal.CreateClient(portal.Demo.Person(email)).GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class SqlitePrerenderedPagesTests(SqlitePortalFixture portal) : PrerenderedPagesTests(portal), IClassFixture<SqlitePortalFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresPrerenderedPagesTests(PostgresPortalFixture portal) : PrerenderedPagesTests(portal), IClassFixture<PostgresPortalFixture>;
