using System.Net.Http.Headers;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Protocol;

/// <summary>
/// One app on Kestrel (127.0.0.1) over SQLite for a test class, with Acme's chat organization in SCIM mode and a small
/// /Bulk payload limit, so request-body limits are Kestrel's own.
/// </summary>
public sealed class ScimKestrelPortal : PortalFixture
{
    public const int BulkPayloadLimit = 4096;

    public ScimKestrelPortal()
    {
        UseKestrel = true;
        Settings["Scim:Bulk:MaxPayloadSize"] = BulkPayloadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public HttpClient Acme { get; private set; } = default!;

    public Guid AcmeParent { get; private set; }

    protected override TestDatabase CreateDatabase() => new SqliteTestDatabase();

    public async Task StartAcmeAsync()
    {
        if (Acme is not null)
        {
            return;
        }

        var directory = await AcmeScimDirectory.StartAsync(this);
        (Acme, AcmeParent) = (directory.Client, directory.ParentId);
    }

    /// <summary>A client with no token, or the given Authorization header.</summary>
    public HttpClient Anonymous(string? authorization = null)
    {
        var client = CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return client;
    }

    public async Task<int> DirectoryUserCountAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.DirectoryUsers.CountAsync();
    }
}
