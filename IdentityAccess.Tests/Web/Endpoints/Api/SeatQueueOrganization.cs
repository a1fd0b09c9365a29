using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// An <see cref="OwnSettingsOrganization"/> under directory sync with its seat queue: the group "Staff" holds
/// <c>waiting</c> people (staff1@…, staff2@…, in that order) mapped to User on Standard seats, of which none is bought,
/// so they all wait; "Owners" gives Owner on Premium. Carol and Dave, never assigned, were removed by the switch.
/// </summary>
public sealed record SeatQueueOrganization(OwnSettingsOrganization Org, IReadOnlyList<string> Waiting)
{
    public static async Task<SeatQueueOrganization> CreateAsync(PortalFixture portal, int waiting)
    {
        var org = await OwnSettingsOrganization.CreateAsync(portal);
        var now = DateTimeOffset.UtcNow;
        var emails = Enumerable.Range(1, waiting).Select(i => $"staff{i}@{org.Domain}").ToList();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var staff = await db.DirectoryGroups.SingleAsync(g => g.ParentOrganizationId == org.ParentId && g.ExternalId == org.StaffGroup);
            foreach (var email in emails)
            {
                var person = Person.Create(email, email.Split('@')[0], now);
                var user = DirectoryUsers.LinkedTo(person, org.ParentId, now, externalId: $"entra-{email}");
                db.People.Add(person);
                db.DirectoryUsers.Add(user);
                db.DirectoryGroupMembers.Add(new DirectoryGroupMember { GroupId = staff.Id, UserId = user.Id });
            }

            await db.SaveChangesAsync();
            await db.SeatPools.Where(p => p.OrganizationId == org.OrganizationId && p.Tier == SeatTier.Standard).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 0));
        }

        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = new ProvisioningDraft(ProvisioningMode.Scim, true, [new RoleMapping(org.OwnersGroup, Role.Owner), new RoleMapping(org.StaffGroup, Role.User)],
            [new TierMapping(org.OwnersGroup, SeatTier.Premium), new TierMapping(org.StaffGroup, SeatTier.Standard)], org.Owner, 1);
        var preview = await settings.PreviewAsync(org.OrganizationId, draft, org.Owner);
        Assert.Empty((await settings.SaveAsync(org.OrganizationId, draft, org.Owner, preview.AffectedOthers)).Errors);
        return new(org, emails);
    }

    /// <summary>Another organization under the same parent, for a key limited to it: a Console organization with no members.</summary>
    public async Task<Guid> AddSiblingAsync(PortalFixture portal)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var sibling = new Organization { Name = $"Sibling {Guid.NewGuid():N}"[..16], Plan = OrganizationPlan.Console, ParentOrganizationId = Org.ParentId, CreatedAt = DateTimeOffset.UtcNow };
        db.Organizations.Add(sibling);
        db.SeatPools.Add(new SeatPool { OrganizationId = sibling.Id, Tier = null, Purchased = 1 });
        await db.SaveChangesAsync();
        return sibling.Id;
    }
}
