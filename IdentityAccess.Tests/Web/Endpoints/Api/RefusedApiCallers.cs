using System.Net;
using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdentityAccess.Tests.Web.Endpoints.Api.ApiKeyAuthenticationEndpointTests;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// Everyone a write on an <see cref="OwnSettingsOrganization"/> must refuse, each with the status the API answers them:
/// a read-only key (403), a key limited to a sibling organization or another parent's key (404, as if the organization
/// did not exist), a revoked key or none (401), and creators who lost what the members page needs (403): Carol, a parent
/// admin but only a User of the organization, and Dave, whose parent admin role was taken after he made his key.
/// </summary>
public sealed record RefusedApiCallers(IReadOnlyList<(string Who, HttpClient Client, HttpStatusCode Status)> Callers)
{
    public static async Task<RefusedApiCallers> CreateAsync(ApiKestrelPortal portal, OwnSettingsOrganization org)
    {
        var now = DateTimeOffset.UtcNow;
        var sibling = new Organization { Name = "Sibling " + Guid.NewGuid().ToString("N")[..6], Plan = OrganizationPlan.Enterprise, ParentOrganizationId = org.ParentId, CreatedAt = now };
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.Organizations.Add(sibling);
            db.ParentAdministrators.AddRange(
                new ParentAdministrator { ParentOrganizationId = org.ParentId, PersonId = org.Carol, GrantedAt = now, GrantedBy = "test" },
                new ParentAdministrator { ParentOrganizationId = org.ParentId, PersonId = org.Dave, GrantedAt = now, GrantedBy = "test" });
            await db.SaveChangesAsync();
        }

        var other = await OwnSettingsOrganization.CreateAsync(portal);
        var revoked = await portal.CreateKeyAsync(org.ParentId, org.Owner, ApiKeyScope.ReadWrite);
        Assert.Null(await portal.Factory.Services.GetRequiredService<ApiKeyAdministration>().RevokeAsync(org.ParentId, revoked.Id, org.Owner));
        var daves = await portal.CreateKeyAsync(org.ParentId, org.Dave, ApiKeyScope.ReadWrite);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentAdministrators.Where(a => a.ParentOrganizationId == org.ParentId && a.PersonId == org.Dave).ExecuteDeleteAsync();
        }

        return new(
        [
            (ReadOnly, await ClientAsync(portal, org.ParentId, org.Owner, ApiKeyScope.ReadOnly), HttpStatusCode.Forbidden),
            ("a key limited to a sibling", await ClientAsync(portal, org.ParentId, org.Owner, ApiKeyScope.ReadWrite, sibling.Id), HttpStatusCode.NotFound),
            ("another parent's key", await ClientAsync(portal, other.ParentId, other.Owner, ApiKeyScope.ReadWrite), HttpStatusCode.NotFound),
            ("a revoked key", portal.KeyClient(revoked.Token), HttpStatusCode.Unauthorized),
            ("no key", portal.KeyClient(null), HttpStatusCode.Unauthorized),
            ("a User of the organization", await ClientAsync(portal, org.ParentId, org.Carol, ApiKeyScope.ReadWrite), HttpStatusCode.Forbidden),
            ("a creator no longer a parent admin", portal.KeyClient(daves.Token), HttpStatusCode.Forbidden),
        ]);
    }

    /// <summary>
    /// Sends <paramref name="request"/> as each caller and asserts each is refused with its status, as a problem; a read
    /// (<paramref name="isRead"/>) is the read-only key's to make, so it is not asked.
    /// </summary>
    public async Task AssertEachRefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> request, bool isRead = false)
    {
        foreach (var (who, client, status) in Callers.Where(c => !isRead || c.Who != ReadOnly))
        {
            var response = await request(client);
            Assert.Equal((who, status), (who, response.StatusCode));
            await AssertProblemAsync(response, status);
        }
    }

    private const string ReadOnly = "a read-only key";

    private static async Task<HttpClient> ClientAsync(ApiKestrelPortal portal, Guid parentId, Guid creator, ApiKeyScope scope, params Guid[] organizations) =>
        portal.KeyClient((await portal.CreateKeyAsync(parentId, creator, scope, organizations)).Token);
}
