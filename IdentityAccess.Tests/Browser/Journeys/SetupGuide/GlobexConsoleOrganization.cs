using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Browser.Journeys.SetupGuide;

/// <summary>
/// A Console organization joined to Globex, a Team plan's parent: the case the help article names where SCIM is not
/// available. The demo has none, so a journey adds it the way the product models it: the organization, its one untiered
/// seat pool, and Grace as its Admin (the Console role that manages identity and access).
/// </summary>
public static class GlobexConsoleOrganization
{
    public const string Name = "Globex Console";

    public static async Task<Guid> AddAsync(IdentityAccessDbContext db, Guid adminPersonId)
    {
        var globex = await db.ParentOrganizations.SingleAsync(p => p.Name == "Globex");
        Assert.Null(OrganizationRules.CheckCanJoin(globex.Plan, OrganizationPlan.Console)); // a Console org may join any parent
        var now = DateTimeOffset.UtcNow;
        var organization = new Organization { Name = Name, Plan = OrganizationPlan.Console, ParentOrganizationId = globex.Id, CreatedAt = now };
        db.Organizations.Add(organization);
        db.SeatPools.Add(new SeatPool { OrganizationId = organization.Id, Tier = null, Purchased = 5 });
        db.Memberships.Add(new Membership
        {
            OrganizationId = organization.Id,
            PersonId = adminPersonId,
            Role = Role.Admin,
            SeatTier = null,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = now,
            StatusChangedAt = now,
        });
        await db.SaveChangesAsync();
        return organization.Id;
    }
}
