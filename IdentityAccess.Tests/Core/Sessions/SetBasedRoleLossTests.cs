using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sessions;

/// <summary>
/// A plan large enough for the set-based apply (which bypasses EF's interceptors) still ends the sessions of the people
/// it leaves without any role: Acme switched to SCIM while the IdP has deactivated <see cref="Deactivated"/> of its members.
/// </summary>
public abstract class SetBasedRoleLossTests(PortalFixture portal) : IAsyncLifetime
{
    private const int Deactivated = PlanApplier.SetBasedFrom + 10;

    private readonly List<(Guid Person, Guid Session)> _signedIn = [];

    public async Task InitializeAsync()
    {
        portal.Settings["Provisioning:MassRemoval:Percent"] = "100"; // every change applies, none is staged
        await portal.InitializeAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        var parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat).ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 10_000));
        var then = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < Deactivated; i++)
        {
            var email = $"leaver{i}@acme.test";
            var person = db.People.Add(Person.Create(email, $"Leaver {i}", then)).Entity;
            db.DirectoryUsers.Add(DirectoryUsers.LinkedTo(person, parentId, then, active: false, createdAt: then.AddTicks(i)));
            db.Memberships.Add(Member(portal.Demo.AcmeChat, person.Id, Role.User, SeatTier.Standard, then));
            var session = db.PortalSessions.Add(new PortalSession
            {
                PersonId = person.Id,
                SignInMethod = "saml",
                CreatedAt = then,
                LastSeenAt = then,
                ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
            }).Entity;
            _signedIn.Add((person.Id, session.Id));
        }

        // The first leaver also uses Acme Console, so Acme's suspension leaves them a role.
        db.Memberships.Add(Member(portal.Demo.AcmeConsole, _signedIn[0].Person, Role.User, null, then));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task SwitchToScim_SuspendsHundredsAtOnce_RevokesTheSessionsOfThoseLeftWithoutAnyRole()
    {
        var alice = portal.Demo.Person("alice@acme.test");
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim };
        var preview = await settings.PreviewAsync(portal.Demo.AcmeChat, draft, alice);

        Assert.Empty((await settings.SaveAsync(portal.Demo.AcmeChat, draft, alice, preview.AffectedOthers)).Errors);

        await using var db = await portal.Factory.CreateDbContextAsync();
        var people = _signedIn.Select(s => s.Person).ToList();
        Assert.Equal(Deactivated, await db.Memberships.CountAsync(m => m.OrganizationId == portal.Demo.AcmeChat && people.Contains(m.PersonId)
            && m.Status == MembershipStatus.Suspended));
        var sessions = await db.PortalSessions.Where(s => people.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId);
        Assert.Null(sessions[_signedIn[0].Person].RevokedAt);
        Assert.All(_signedIn.Skip(1), s => Assert.Equal(SessionRevocationReason.NoRoleLeft, sessions[s.Person].RevokedReason));
    }

    private static Membership Member(Guid organizationId, Guid personId, Role role, SeatTier? tier, DateTimeOffset then) => new()
    {
        OrganizationId = organizationId,
        PersonId = personId,
        Role = role,
        SeatTier = tier,
        Status = MembershipStatus.Active,
        Source = MembershipSource.Scim,
        CreatedAt = then,
        StatusChangedAt = then,
    };
}

public sealed class SqliteSetBasedRoleLossTests() : SetBasedRoleLossTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSetBasedRoleLossTests() : SetBasedRoleLossTests(new PostgresPortalFixture());
