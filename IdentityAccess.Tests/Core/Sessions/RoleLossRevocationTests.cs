using IdentityAccess.Core.Access;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Sessions;

/// <summary>
/// Losing the last role (no active membership anywhere, no parent to administer) ends a person's sessions in the same
/// transaction; anything less leaves them alone. Each test gets a fresh database with the seeded demo.
/// </summary>
public abstract class RoleLossRevocationTests(PortalFixture portal) : IAsyncLifetime
{
    public Task InitializeAsync() => portal.InitializeAsync();

    public Task DisposeAsync() => portal.DisposeAsync();

    private PortalSessionService Sessions => portal.Factory.Services.GetRequiredService<PortalSessionService>();

    private MemberAdministration Members => portal.Factory.Services.GetRequiredService<MemberAdministration>();

    private Guid Person(string email) => portal.Demo.Person(email);

    [Fact]
    public async Task Remove_FromTheOnlyOrganization_RevokesEverySessionOfThatPersonInTheSameSave()
    {
        var carols = await SessionsOfAsync("carol@acme.test", 2);
        var alices = await SessionsOfAsync("alice@acme.test", 1);

        Assert.Empty(await Members.RemoveAsync(portal.Demo.AcmeChat, await MembershipIdAsync(portal.Demo.AcmeChat, "carol@acme.test"), Person("alice@acme.test")));

        await using var db = await portal.Factory.CreateDbContextAsync();
        var rows = await db.PortalSessions.Where(s => carols.Contains(s.Id)).ToListAsync();
        Assert.All(rows, s => Assert.Equal(SessionRevocationReason.NoRoleLeft, s.RevokedReason));
        var removed = await db.AuditEvents.SingleAsync(e => e.Action == "membership.removed");
        Assert.All(rows, s => Assert.Equal(removed.OccurredAt, s.RevokedAt!.Value, TimeSpan.FromSeconds(5)));
        Assert.NotNull(await Sessions.ValidateAsync(alices[0], Person("alice@acme.test")));
    }

    [Fact]
    public async Task Remove_PersonWithAnotherActiveMembership_KeepsTheirSessions()
    {
        var daves = await SessionsOfAsync("dave@acme.test", 1); // Dave is also a Claude Code User of Acme Console

        Assert.Empty(await Members.RemoveAsync(portal.Demo.AcmeChat, await MembershipIdAsync(portal.Demo.AcmeChat, "dave@acme.test"), Person("alice@acme.test")));

        Assert.NotNull(await Sessions.ValidateAsync(daves[0], Person("dave@acme.test")));
    }

    [Fact]
    public async Task RefusedRemoval_RevokesNothing()
    {
        var carols = await SessionsOfAsync("carol@acme.test", 1);

        // Oscar, the Admin of the sibling Acme Labs, has no say over Acme's members.
        var refused = await Members.RemoveAsync(portal.Demo.AcmeChat, await MembershipIdAsync(portal.Demo.AcmeChat, "carol@acme.test"), Person("oscar@acme.test"));

        Assert.IsType<AccessRefused>(Assert.Single(refused));
        Assert.NotNull(await Sessions.ValidateAsync(carols[0], Person("carol@acme.test")));
    }

    [Fact]
    public async Task SuspensionRolledBack_RevokesNothing()
    {
        var carols = await SessionsOfAsync("carol@acme.test", 1);

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var membership = await db.Memberships.SingleAsync(m => m.OrganizationId == portal.Demo.AcmeChat && m.PersonId == Person("carol@acme.test"));
            membership.Status = MembershipStatus.Suspended;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync(); // the revocation was part of the save, so it goes with it
        }

        Assert.NotNull(await Sessions.ValidateAsync(carols[0], Person("carol@acme.test")));
    }

    [Fact]
    public async Task ParentAdministratorRevoked_WithNoMembership_RevokesSessions_WithMembership_KeepsThem()
    {
        var admin = await NewPersonAsync("pat@acme.test"); // administers Acme's parent and nothing else
        var acmeParent = await AcmeParentAsync();
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = acmeParent, PersonId = admin, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "test" });
            await db.SaveChangesAsync();
        }

        var pats = await Sessions.CreateAsync(admin, "saml", null);
        var alices = await SessionsOfAsync("alice@acme.test", 1); // parent admin and Owner of Acme
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.ParentAdministrators.RemoveRange(db.ParentAdministrators.Where(a => a.ParentOrganizationId == acmeParent));
            await db.SaveChangesAsync();
        }

        Assert.Null(await Sessions.ValidateAsync(pats.Id, admin));
        Assert.NotNull(await Sessions.ValidateAsync(alices[0], Person("alice@acme.test")));
    }

    [Fact]
    public async Task NewcomerWithNoRoleYet_KeepsTheirSession_WhileOthersLoseTheirs()
    {
        // Signed in to create an organization: no role yet, and none lost.
        var newcomer = await NewPersonAsync("nadia@newco.test");
        var session = await Sessions.CreateAsync(newcomer, "email-link", null);

        Assert.Empty(await Members.RemoveAsync(portal.Demo.AcmeChat, await MembershipIdAsync(portal.Demo.AcmeChat, "carol@acme.test"), Person("alice@acme.test")));
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            db.People.Single(p => p.Id == newcomer).DisplayName = "Nadia N.";
            await db.SaveChangesAsync();
        }

        Assert.NotNull(await Sessions.ValidateAsync(session.Id, newcomer));
    }

    private async Task<List<Guid>> SessionsOfAsync(string email, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Sessions.CreateAsync(Person(email), "saml", null)).Id);
        }

        return ids;
    }

    private async Task<Guid> NewPersonAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var person = db.People.Add(IdentityAccess.Core.People.Person.Create(email, email.Split('@')[0], DateTimeOffset.UtcNow)).Entity;
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<Guid> AcmeParentAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").Select(p => p.Id).SingleAsync();
    }

    private async Task<Guid> MembershipIdAsync(Guid organizationId, string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == organizationId && m.PersonId == Person(email)).Select(m => m.Id).SingleAsync();
    }
}

public sealed class SqliteRoleLossRevocationTests() : RoleLossRevocationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresRoleLossRevocationTests() : RoleLossRevocationTests(new PostgresPortalFixture());
