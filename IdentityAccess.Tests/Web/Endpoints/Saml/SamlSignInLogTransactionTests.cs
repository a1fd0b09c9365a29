using System.Net;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.Jit;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// A sign-in's provisioning-log row in the ACS's own transaction: it commits with the membership it describes or not
/// at all, and a sign-in whose transaction fails leaves exactly one row, the server error's, whichever save failed.
/// </summary>
public abstract class SamlSignInLogTransactionTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Fact]
    public async Task LogRowRefusedByTheDatabase_TheJitSignInRollsBackWithIt_NoMembershipWithoutItsRow()
    {
        await SaveJitAsync(staffRole: Role.User);
        await RefuseInsertsAsync("ProvisioningLog", true);

        var failed = await SignInAsync("frank@acme.test", "okta-frank", Engineering);
        // The failed sign-in queued its server-error row before answering; the background loop must try it while the
        // refusal still holds (a loaded run once wrote it after the refusal was lifted).
        await Factory.Services.FlushProvisioningLogAsync();

        await RefuseInsertsAsync("ProvisioningLog", false);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Null(SessionCookieOrNull(failed));
        await using (var db = await Factory.CreateDbContextAsync())
        {
            Assert.False(await db.People.AnyAsync(p => p.Email == "frank@acme.test"));
            Assert.False(await db.Memberships.AnyAsync(m => m.Person!.Email == "frank@acme.test"));
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "sso.signed-in"));
        }

        Assert.Empty(await SsoLogAsync()); // the queued server-error row met the same refusal

        // Once the log takes rows again, the sign-in and its row commit together.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", Engineering)).StatusCode);
        var row = Assert.Single(await SsoLogAsync());
        Assert.Equal(200, row.Status);
        Assert.StartsWith("frank@acme.test: created the person; provisioned in Acme as Admin", row.Summary, StringComparison.Ordinal);
        await using var after = await Factory.CreateDbContextAsync();
        Assert.True(await after.Memberships.AnyAsync(m => m.Person!.Email == "frank@acme.test" && m.Role == Role.Admin));
    }

    [Fact]
    public async Task SignInWhoseTransactionFailsAfterItsRowWasAdded_LeavesExactlyOneRow_TheServerError()
    {
        await SaveJitAsync(staffRole: Role.User);
        await RefuseInsertsAsync("PortalSessions", true); // the last save, which carries the row, fails

        var failed = await SignInAsync("frank@acme.test", "okta-frank", Engineering);

        await RefuseInsertsAsync("PortalSessions", false);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var row = Assert.Single(await SsoLogAsync());
        Assert.Equal((500, SignInProvisioningLog.ServerError, null), (row.Status, row.ErrorType, row.Summary));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.Memberships.AnyAsync(m => m.Person!.Email == "frank@acme.test"));
    }

    [Fact]
    public async Task RefusalWhoseCommitFails_LeavesExactlyOneRow_TheServerError()
    {
        var login = await StartAsync("/");
        var forged = ForgedResponse(login.RequestId);
        await RefuseInsertsAsync("AuditEvents", true); // the refusal's save (its audit entry and row) fails

        var failed = await PostAcsAsync(login, forged);

        await RefuseInsertsAsync("AuditEvents", false);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var row = Assert.Single(await SsoLogAsync());
        Assert.Equal((500, SignInProvisioningLog.ServerError), (row.Status, row.ErrorType));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.NotNull((await db.SamlLoginStates.SingleAsync(s => s.Key == login.RelayState)).UsedAt); // used once, even so
    }
}

public sealed class SqliteSamlSignInLogTransactionTests() : SamlSignInLogTransactionTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlSignInLogTransactionTests() : SamlSignInLogTransactionTests(new PostgresPortalFixture());
