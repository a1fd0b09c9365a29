using System.Net.Http.Headers;
using System.Text;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Scim;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>
/// Puts Acme where most of its screens have something to show: directory sync on, no free seat so people wait in the
/// queue, and a SCIM log with a success and an error. Done through the same services and SCIM endpoint the portal uses.
/// </summary>
public static class AcmeOnDirectorySync
{
    public static async Task ArrangeAsync(BrowserFixture portal)
    {
        Guid parentId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
            await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == SeatTier.Premium).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 2));
            await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == SeatTier.Standard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 2));
        }

        var alice = portal.Demo.Person("alice@acme.test");
        var actor = new AuditActor(alice, "alice@acme.test");
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = (await settings.GetAsync(portal.Demo.AcmeChat, alice))!.Saved;
        var draft = saved with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(portal.Demo.AcmeChat, draft, alice);
        var result = await settings.SaveAsync(portal.Demo.AcmeChat, draft, alice, preview.NeedsTypedConfirmation ? preview.AffectedOthers : null);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("Switching Acme to directory sync failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        var (token, _) = await portal.Factory.Services.GetRequiredService<ScimTokenService>().GenerateAsync(parentId, actor);
        using var idp = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        idp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Secret);
        var created = await idp.PostAsync("/scim/v2/Users",
            new StringContent("""{"userName":"pat@acme.test","displayName":"Pat Pending","active":true}""", Encoding.UTF8, "application/scim+json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await idp.GetAsync($"/scim/v2/Users/{Guid.NewGuid()}")).StatusCode);
        await portal.Factory.Services.FlushProvisioningLogAsync();
    }
}
