using System.Net.Http.Headers;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>One app on Kestrel (127.0.0.1) over SQLite for a test class; each test makes the keys it needs. Open for fixtures that configure the app (ApiRateLimitPortal).</summary>
public class ApiKestrelPortal : PortalFixture
{
    public ApiKestrelPortal()
    {
        UseKestrel = true;
    }

    protected override TestDatabase CreateDatabase() => new SqliteTestDatabase();

    /// <summary>A key made through the parent page's own command, as <paramref name="creator"/>.</summary>
    public async Task<CreatedApiKey> CreateKeyAsync(Guid parentId, Guid creator, ApiKeyScope scope = ApiKeyScope.ReadOnly, params Guid[] organizations)
    {
        var (key, refused) = await Factory.Services.GetRequiredService<ApiKeyAdministration>()
            .CreateAsync(parentId, new NewApiKey("test " + Guid.NewGuid().ToString("N")[..6], scope, organizations, null), creator);
        Assert.Null(refused);
        return key!;
    }

    /// <summary>A client with no cookie and no test sign-in: only what it sends as a bearer counts.</summary>
    public HttpClient KeyClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

/// <summary>The same over PostgreSQL (the server <c>IA_TEST_POSTGRES</c> names).</summary>
public sealed class PostgresApiKestrelPortal : ApiKestrelPortal
{
    protected override TestDatabase CreateDatabase() => new PostgresTestDatabase();
}
