using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso.Domains;
using IdentityAccess.Tests.TestSupport;

namespace IdentityAccess.Tests.Web.Endpoints.Api;

/// <summary>
/// An organization of its own for one test that changes settings in an app its class shares: its own parent and
/// verified domain, a chat organization in Manual mode whose Owner administers the parent and is assigned in the
/// directory (in the group "Owners"), Carol and Dave added by hand and not assigned (switching to directory sync
/// removes them), and an empty group "Staff".
/// </summary>
public sealed record OwnSettingsOrganization(Guid ParentId, Guid OrganizationId, Guid Owner, Guid Carol, Guid Dave, string Domain,
    string OwnersGroup, string StaffGroup)
{
    public static async Task<OwnSettingsOrganization> CreateAsync(PortalFixture portal)
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var domain = $"settings-{n}.test";
        var now = DateTimeOffset.UtcNow;
        var parent = new ParentOrganization { Name = $"Settings {n} Corporation", Plan = ParentPlan.Enterprise, CreatedAt = now };
        var chat = new Organization { Name = $"Settings {n}", Plan = OrganizationPlan.Enterprise, ParentOrganizationId = parent.Id, CreatedAt = now };
        var owner = Person.Create($"owner@{domain}", $"Owner {n}", now);
        var carol = Person.Create($"carol@{domain}", "Carol Cruz", now);
        var dave = Person.Create($"dave@{domain}", "Dave Diaz", now);
        var owners = new DirectoryGroup { ParentOrganizationId = parent.Id, ExternalId = $"grp-owners-{n}", DisplayName = "Owners", NormalizedDisplayName = "OWNERS", CreatedAt = now, UpdatedAt = now };
        var staff = new DirectoryGroup { ParentOrganizationId = parent.Id, ExternalId = $"grp-staff-{n}", DisplayName = "Staff", NormalizedDisplayName = "STAFF", CreatedAt = now, UpdatedAt = now };
        var assigned = DirectoryUsers.LinkedTo(owner, parent.Id, now, externalId: $"entra-owner-{n}");
        await using var db = await portal.Factory.CreateDbContextAsync();
        db.ParentOrganizations.Add(parent);
        db.Organizations.Add(chat);
        db.SeatPools.AddRange(
            new SeatPool { OrganizationId = chat.Id, Tier = SeatTier.Premium, Purchased = 10 },
            new SeatPool { OrganizationId = chat.Id, Tier = SeatTier.Standard, Purchased = 20 });
        db.People.AddRange(owner, carol, dave);
        db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = parent.Id, PersonId = owner.Id, GrantedAt = now, GrantedBy = "test" });
        db.DirectoryUsers.Add(assigned);
        db.DirectoryGroups.AddRange(owners, staff);
        db.DirectoryGroupMembers.Add(new DirectoryGroupMember { GroupId = owners.Id, UserId = assigned.Id });
        db.Memberships.AddRange(Member(chat, owner, Role.Owner, SeatTier.Premium, now), Member(chat, carol, Role.User, SeatTier.Standard, now),
            Member(chat, dave, Role.User, SeatTier.Standard, now));
        // .test names never resolve in public DNS, so the domain is seeded as verified, as the demo seeds acme.test.
        db.VerifiedDomains.Add(new VerifiedDomain
        {
            ParentOrganizationId = parent.Id,
            Domain = domain,
            Challenge = DomainChallenge.NewChallenge(),
            Status = DomainStatus.Verified,
            CreatedAt = now,
            VerifiedAt = now,
            LastCheckResult = "Seeded by the test.",
        });
        await db.SaveChangesAsync();
        return new(parent.Id, chat.Id, owner.Id, carol.Id, dave.Id, domain, owners.ExternalId, staff.ExternalId);
    }

    private static Membership Member(Organization organization, Person person, Role role, SeatTier tier, DateTimeOffset now) => new()
    {
        OrganizationId = organization.Id,
        PersonId = person.Id,
        Role = role,
        SeatTier = tier,
        Status = MembershipStatus.Active,
        Source = MembershipSource.Manual,
        CreatedAt = now,
        StatusChangedAt = now,
    };
}
