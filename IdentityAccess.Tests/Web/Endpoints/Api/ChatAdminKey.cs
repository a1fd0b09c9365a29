using IdentityAccess.Core.Api.Keys;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// Carol of an <see cref="OwnSettingsOrganization"/> made a chat Admin there and a parent admin, with a read-write key of
/// her own: someone the members page lets manage people, but not do what is the Owners' alone.
/// </summary>
public static class ChatAdminKey
{
    public static async Task<HttpClient> CarolsAsync(ApiKestrelPortal portal, OwnSettingsOrganization org)
    {
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = org.ParentId, PersonId = org.Carol, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "test" });
            await db.SaveChangesAsync();
            await db.Memberships.Where(m => m.OrganizationId == org.OrganizationId && m.PersonId == org.Carol).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, Role.Admin));
        }

        return portal.KeyClient((await portal.CreateKeyAsync(org.ParentId, org.Carol, ApiKeyScope.ReadWrite)).Token);
    }
}
