using System.Net;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sessions;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// The portal session is opened in the ACS's one transaction, with the sign-in that grants it: a refused sign-in opens
/// none, and a session that cannot be written takes the just-in-time provisioning, the person and the link down with
/// it (the login state and the replay entry stay consumed). Acme's chat organization provisions just in time.
/// </summary>
public abstract class SamlSignInSessionTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Fact]
    public async Task JitSignIn_OpensOneSession_TheOneItsCookieNames()
    {
        await SaveJitAsync(staffRole: Role.User);

        var signedIn = await SignInAsync("frank@acme.test", "okta-frank", Engineering);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(SessionCookie(signedIn))).StatusCode);
        await using var db = await Factory.CreateDbContextAsync();
        var session = await SessionsOf(db, "frank@acme.test").SingleAsync();
        Assert.Equal(("saml", null), (session.SignInMethod, session.RevokedAt));
        Assert.True(await db.Memberships.AnyAsync(m => m.OrganizationId == Demo.AcmeChat && m.Person!.Email == "frank@acme.test"));
    }

    [Fact]
    public async Task RefusedSignIn_OpensNoSession()
    {
        await SaveJitAsync(staffRole: Role.User);

        var refused = await SignInAsync("frank@acme.test", "okta-frank", "00g-unmapped");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(SessionCookieOrNull(refused));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.True(await db.People.AnyAsync(p => p.Email == "frank@acme.test")); // kept, listed as known to the IdP
        Assert.False(await SessionsOf(db, "frank@acme.test").AnyAsync());
    }

    [Fact]
    public async Task SessionWriteFailing_RollsBackTheJitProvisioning_AndKeepsTheStateConsumed()
    {
        await SaveJitAsync(staffRole: Role.User);
        await RefuseInsertsAsync("PortalSessions", true);
        var login = await StartAsync("/");
        var response = Response(login.RequestId, "frank@acme.test", "okta-frank", [Engineering]);

        var failed = await PostAcsAsync(login, response);

        await RefuseInsertsAsync("PortalSessions", false);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Null(SessionCookieOrNull(failed));
        await using (var db = await Factory.CreateDbContextAsync())
        {
            Assert.False(await db.People.AnyAsync(p => p.Email == "frank@acme.test"));
            Assert.False(await db.Memberships.AnyAsync(m => m.Person!.Email == "frank@acme.test"));
            Assert.Equal(0, await db.SamlIdentityLinks.CountAsync(l => l.Subject == "okta-frank"));
            Assert.False(await SessionsOf(db, "frank@acme.test").AnyAsync());
            Assert.NotNull((await db.SamlLoginStates.SingleAsync(s => s.Key == login.RelayState)).UsedAt);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAcsAsync(login, response)).StatusCode); // used once, even after the failure
    }

    private static IQueryable<PortalSession> SessionsOf(IdentityAccessDbContext db, string email) =>
        db.PortalSessions.Where(s => db.People.Any(p => p.Id == s.PersonId && p.Email == email));
}

public sealed class SqliteSamlSignInSessionTests() : SamlSignInSessionTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlSignInSessionTests() : SamlSignInSessionTests(new PostgresPortalFixture());
