using System.Globalization;
using System.Net;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Members;

/// <summary>GET /orgs/{id}/members.csv through the whole HTTP pipeline; each test gets a fresh seeded database.</summary>
public sealed class MemberExportEndpointTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private string Url(Guid organizationId) => $"/orgs/{organizationId}/members.csv";

    [Fact]
    public async Task Export_Owner_ReturnsMembersAsCsvAttachment()
    {
        var response = await _portal.CreateClient(_portal.Demo.Person("grace@globex.test")).GetAsync(Url(_portal.Demo.GlobexTeam));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"globex-team-members-{DateTime.UtcNow:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var joined = await JoinedAsync("grace@globex.test");
        Assert.Equal(
            [
                "email,name,role,seat_tier,status,source,joined_utc",
                $"grace@globex.test,Grace Green,Owner,Premium,Active,Manual,{joined}",
                $"hank@globex.test,Hank Hill,User,Standard,Active,Manual,{joined}",
            ],
            await LinesAsync(response));
    }

    [Fact]
    public async Task Export_ValuesWithCommasQuotesAndFormulas_QuotedAndDefused()
    {
        var admin = _portal.Factory.Services.GetRequiredService<MemberAdministration>();
        var alice = _portal.Demo.Person("alice@acme.test");
        Assert.Empty(await admin.AddAsync(_portal.Demo.AcmeConsole, new NewMember("eve@acme.test", "=HYPERLINK(\"http://evil.test\",\"x\")", Role.User, null), alice));
        Assert.Empty(await admin.AddAsync(_portal.Demo.AcmeConsole, new NewMember("quinn@acme.test", "Quinn \"Q\", Jr.", Role.ClaudeCodeUser, null), alice));
        Assert.Empty(await admin.AddAsync(_portal.Demo.AcmeConsole, new NewMember("+sum@acme.test", "@SUM(A1:A9)", Role.Billing, null), alice));

        var lines = await LinesAsync(await _portal.CreateClient(alice).GetAsync(Url(_portal.Demo.AcmeConsole)));

        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",User,,Active,Manual,", Field2On(lines, "eve@acme.test"), StringComparison.Ordinal);
        Assert.StartsWith("\"Quinn \"\"Q\"\", Jr.\",Claude Code User,,Active,Manual,", Field2On(lines, "quinn@acme.test"), StringComparison.Ordinal);
        Assert.StartsWith("'+sum@acme.test,'@SUM(A1:A9),Billing,,", lines.Single(l => l.Contains("sum@acme.test", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_RemovedMember_NotListed()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var dave = _portal.Demo.Person("dave@acme.test");
            await db.Memberships.Where(m => m.PersonId == dave && m.OrganizationId == _portal.Demo.AcmeChat)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MembershipStatus.Removed));
        }

        var lines = await LinesAsync(await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(_portal.Demo.AcmeChat)));

        Assert.Equal(["email", "alice@acme.test", "bob@acme.test", "carol@acme.test"], lines.Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task Export_ChatAdmin_Allowed()
    {
        var response = await _portal.CreateClient(_portal.Demo.Person("bob@acme.test")).GetAsync(Url(_portal.Demo.AcmeChat));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("carol@acme.test", "Your role in Acme is User.")]    // a chat User
    [InlineData("grace@globex.test", "You are not a member of Acme.")] // the Owner of another parent's organization
    public async Task Export_WithoutManageMembers_Returns403WithReason(string email, string reason)
    {
        var response = await _portal.CreateClient(_portal.Demo.Person(email)).GetAsync(Url(_portal.Demo.AcmeChat));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownOrganization_Returns404Page()
    {
        var response = await _portal.CreateClient(_portal.Demo.Person("alice@acme.test")).GetAsync(Url(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SignedOut_IsChallenged()
    {
        var response = await _portal.CreateClient().GetAsync(Url(_portal.Demo.AcmeChat));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Field2On(IReadOnlyList<string> lines, string email) =>
        lines.Single(l => l.StartsWith(email + ",", StringComparison.Ordinal))[(email.Length + 1)..];

    private static async Task<List<string>> LinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 byte order mark, for spreadsheet apps
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return [.. text[..^2].Split("\r\n")];
    }

    private async Task<string> JoinedAsync(string email)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var personId = _portal.Demo.Person(email);
        var joined = await db.Memberships.Where(m => m.PersonId == personId).Select(m => m.CreatedAt).FirstAsync();
        return joined.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
