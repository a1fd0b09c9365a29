using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Protocol;

/// <summary>
/// The ScimBearer scheme authenticates SCIM and nothing else: a signed-in portal person is no directory, and a SCIM
/// token is nobody in the portal or /api.
/// </summary>
public sealed class ScimAuthenticationSchemeTests : IAsyncLifetime
{
    private readonly SqlitePortalFixture _portal = new();
    private AcmeScimDirectory _acme = default!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _acme = await AcmeScimDirectory.StartAsync(_portal);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task PortalSession_WithoutToken_401_NothingWritten()
    {
        // Alice, an owner of Acme, signed in to the portal (the test scheme stands for her session cookie).
        var alice = _portal.CreateClient(_portal.Demo.Person("alice@acme.test"));
        int before;
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            before = await db.DirectoryUsers.CountAsync();
        }

        var list = await alice.GetAsync("/scim/v2/Users");
        var create = await alice.PostAsync("/scim/v2/Users", AcmeScimDirectory.Scim("""{"userName":"mallory@acme.test"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal("Bearer", list.Headers.WwwAuthenticate.Single().Scheme);
        await using var check = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(before, await check.DirectoryUsers.CountAsync());
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/orgs/{0}/members.csv")]
    public async Task ScimToken_OpensNoPortalEndpoint(string path)
    {
        var response = await _acme.Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, _portal.Demo.AcmeChat));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{path}: {response.StatusCode}");
    }

    [Fact]
    public async Task ValidToken_WithPortalSessionOfAnotherParent_SeesOnlyItsOwnDirectory()
    {
        // A request carrying both: the token decides, the portal session adds nothing.
        var client = _portal.CreateClient(_portal.Demo.Person("grace@globex.test"));
        client.DefaultRequestHeaders.Authorization = _acme.Client.DefaultRequestHeaders.Authorization;

        var users = JsonNode.Parse(await client.GetStringAsync("/scim/v2/Users?count=100"))!["Resources"]!.AsArray();

        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.EndsWith("@acme.test", u!["userName"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RevokedToken_401NamingTheRevocation()
    {
        var tokens = _portal.Factory.Services.GetService(typeof(ScimTokenService)) as ScimTokenService;
        var (second, _) = await tokens!.GenerateAsync(_acme.ParentId, new IdentityAccess.Core.Audit.AuditActor(null, "test"));
        Assert.Null(await tokens.RevokeAsync(_acme.ParentId, second!.Id, new IdentityAccess.Core.Audit.AuditActor(null, "test")));
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.Secret);

        var response = await client.GetAsync("/scim/v2/Users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
