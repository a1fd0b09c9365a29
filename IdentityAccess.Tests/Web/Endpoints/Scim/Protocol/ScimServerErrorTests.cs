using System.Net;
using System.Text.Json.Nodes;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Scim;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Scim.Protocol;

/// <summary>A server fault under /scim/v2 (here: a table gone) answers a SCIM 500 with a correlation id, never a stack trace or HTML, and is logged.</summary>
public sealed class ScimServerErrorTests : IAsyncLifetime
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
    public async Task UnhandledException_500ScimErrorWithCorrelationId_NoStackTrace_Logged()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"DirectoryGroupMembers\"");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"DirectoryGroupNestedGroups\"");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"DirectoryGroups\"");
        }

        var response = await _acme.Client.GetAsync("/scim/v2/Groups");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;
        var correlationId = response.Headers.GetValues(ScimLogMiddleware.CorrelationHeader).Single();
        Assert.Equal("500", body["status"]!.GetValue<string>());
        Assert.Contains(correlationId, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DirectoryGroups", text, StringComparison.Ordinal);
        await _portal.Factory.Services.FlushProvisioningLogAsync();
        await using var check = await _portal.Factory.CreateDbContextAsync();
        var row = await check.ProvisioningLog.SingleAsync(e => e.CorrelationId == correlationId);
        Assert.Equal((500, "GET", _acme.ParentId), (row.Status, row.Method, row.ParentOrganizationId));
    }
}
