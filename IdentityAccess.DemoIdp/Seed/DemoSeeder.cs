using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sso.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdentityAccess.DemoIdp.Seed;

/// <summary>
/// Fills an empty database with a demo a newcomer can click through: an Enterprise parent with a chat org and two
/// Console orgs, and a Team parent with a Team org. Alice administers Acme's parent (and owns Acme and Acme Console);
/// Oscar is the Admin of Acme Labs and not a parent admin, so the difference can be seen: he governs his organization
/// but not what Acme's organizations share (SSO, domains, the SCIM directory). Grace administers Globex. Only the
/// Development environment has it. The demo IdP's directory, which signs people of both domains in, lives in the
/// demo IdP's own database (<see cref="DemoIdpSeed"/>); the app connects the parents to it at start-up.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<IdentityAccessDbContext> contexts, AuditLog audit, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ParentOrganizations.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var acme = new ParentOrganization { Name = "Acme Corporation", Plan = ParentPlan.Enterprise, CreatedAt = now };
        var acmeChat = Org(acme, "Acme", OrganizationPlan.Enterprise, now);
        var acmeConsole = Org(acme, "Acme Console", OrganizationPlan.Console, now);
        var acmeLabs = Org(acme, "Acme Labs", OrganizationPlan.Console, now);
        var globex = new ParentOrganization { Name = "Globex", Plan = ParentPlan.Team, CreatedAt = now };
        var globexTeam = Org(globex, "Globex Team", OrganizationPlan.Team, now);
        db.ParentOrganizations.AddRange(acme, globex);
        db.SeatPools.AddRange(
            Pool(acmeChat, SeatTier.Premium, 10), Pool(acmeChat, SeatTier.Standard, 20), Pool(acmeConsole, null, 10), Pool(acmeLabs, null, 5),
            Pool(globexTeam, SeatTier.Premium, 2), Pool(globexTeam, SeatTier.Standard, 5));

        var alice = Person(db, "alice@acme.test", "Alice Anders", now);
        var bob = Person(db, "bob@acme.test", "Bob Brown", now);
        var carol = Person(db, "carol@acme.test", "Carol Chen", now);
        var dave = Person(db, "dave@acme.test", "Dave Diaz", now);
        var erin = Person(db, "erin@acme.test", "Erin Evans", now);
        var grace = Person(db, "grace@globex.test", "Grace Green", now);
        var hank = Person(db, "hank@globex.test", "Hank Hill", now);
        var oscar = Person(db, "oscar@acme.test", "Oscar Ortiz", now);

        Member(db, acmeChat, alice, Role.Owner, SeatTier.Premium, now);
        Member(db, acmeChat, bob, Role.Admin, SeatTier.Premium, now);
        Member(db, acmeChat, carol, Role.User, SeatTier.Standard, now);
        Member(db, acmeChat, dave, Role.User, SeatTier.Standard, now);
        Member(db, acmeConsole, alice, Role.Admin, null, now);
        Member(db, acmeConsole, erin, Role.Developer, null, now);
        Member(db, acmeConsole, dave, Role.ClaudeCodeUser, null, now);
        Member(db, acmeLabs, oscar, Role.Admin, null, now);
        Member(db, globexTeam, grace, Role.Owner, SeatTier.Premium, now);
        Member(db, globexTeam, hank, Role.User, SeatTier.Standard, now);

        db.ParentAdministrators.AddRange(ParentAdmin(acme, alice, now), ParentAdmin(globex, grace, now));

        DemoDirectory.Add(db, acme.Id, new[] { alice, bob, carol, dave, erin }.ToDictionary(p => p.Email), now);

        // .test names never resolve in public DNS, so the demo's domains are seeded as verified.
        db.VerifiedDomains.AddRange(Domain(acme, "acme.test", now), Domain(globex, "globex.test", now));

        foreach (var org in new[] { acmeChat, acmeConsole, acmeLabs, globexTeam })
        {
            audit.Record(db, AuditActor.System("Demo seed"), "organization.created", org.Name, null,
                new { org.Name, org.Plan }, org.Id, org.ParentOrganizationId);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo: {Parents} parent organizations, {Orgs} organizations.", 2, 4);
        return true;
    }

    private static VerifiedDomain Domain(ParentOrganization parent, string domain, DateTimeOffset now) => new()
    {
        ParentOrganizationId = parent.Id,
        Domain = domain,
        Challenge = DomainChallenge.NewChallenge(),
        Status = DomainStatus.Verified,
        CreatedAt = now,
        VerifiedAt = now,
        LastCheckResult = "Seeded by the demo.",
    };

    private static ParentAdministrator ParentAdmin(ParentOrganization parent, Person person, DateTimeOffset now) =>
        new() { ParentOrganizationId = parent.Id, PersonId = person.Id, GrantedAt = now, GrantedBy = "Demo seed" };

    private static Organization Org(ParentOrganization parent, string name, OrganizationPlan plan, DateTimeOffset now)
    {
        var org = new Organization { Name = name, Plan = plan, ParentOrganizationId = parent.Id, CreatedAt = now };
        parent.Organizations.Add(org);
        return org;
    }

    private static SeatPool Pool(Organization org, SeatTier? tier, int purchased) =>
        new() { OrganizationId = org.Id, Tier = tier, Purchased = purchased };

    private static Person Person(IdentityAccessDbContext db, string email, string name, DateTimeOffset now)
    {
        var person = Core.People.Person.Create(email, name, now);
        db.People.Add(person);
        return person;
    }

    private static void Member(IdentityAccessDbContext db, Organization org, Person person, Role role, SeatTier? tier, DateTimeOffset now) =>
        db.Memberships.Add(new Membership
        {
            OrganizationId = org.Id,
            PersonId = person.Id,
            Role = role,
            SeatTier = tier,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = now,
            StatusChangedAt = now,
        });
}
