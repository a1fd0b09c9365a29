using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// A Console organization with a parent of its own, made as the new-parent page makes it (<see cref="OrganizationCreator"/>)
/// by a person of its own, who is its Admin and its parent's admin: the one kind of organization that asks to join another parent.
/// </summary>
public sealed record StandaloneConsoleOrganization(Guid ParentId, Guid OrganizationId, Guid Admin)
{
    public static async Task<StandaloneConsoleOrganization> CreateAsync(PortalFixture portal)
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var admin = Person.Create($"erin@lab-{n}.test", $"Erin {n}", DateTimeOffset.UtcNow);
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.People.Add(admin);
            await db.SaveChangesAsync();
        }

        var created = await portal.Factory.Services.GetRequiredService<OrganizationCreator>().CreateParentAsync(
            new NewParentOrganization($"Lab {n}", new NewOrganization($"Lab {n} Console", OrganizationPlan.Console, ConsoleSeats: 3)), admin.Id);
        Assert.Null(created.Refusal);
        return new(created.ParentId, created.OrganizationId, admin.Id);
    }
}
