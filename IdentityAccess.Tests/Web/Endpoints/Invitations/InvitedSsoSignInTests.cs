using System.Net;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Tests.Web.Endpoints.Saml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Invitations;

/// <summary>
/// An invited person whose email domain uses single sign-on (acme.test, through the Acme parent's IdP) signs in with it
/// to accept, though they are a member of nothing yet. Oscar, Acme Labs' Admin, invites frank@acme.test.
/// </summary>
public abstract class InvitedSsoSignInTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    [Fact]
    public async Task SsoSignIn_InvitedNewcomer_LetInToAcceptAndNothingElse()
    {
        var secret = await InviteFrankAsync();

        var acs = await SignInAsync("frank@acme.test", "okta-frank");

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        var session = SessionCookie(acs);
        Assert.Contains("\"organizations\":[]", await (await GetMeAsync(session)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = new HttpRequestMessage(HttpMethod.Get, $"/invitations/{secret}");
        page.Headers.Add("Cookie", session);
        Assert.Contains("Accept and join Acme Labs", await (await Client().SendAsync(page)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var members = new HttpRequestMessage(HttpMethod.Get, $"/orgs/{Demo.AcmeLabs}/members");
        members.Headers.Add("Cookie", session);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client().SendAsync(members)).StatusCode);
    }

    [Fact]
    public async Task SsoSignIn_InvitationRevoked_RefusedAgain()
    {
        await InviteFrankAsync();
        await using (var db = await Factory.CreateDbContextAsync())
        {
            var invitation = await db.Invitations.SingleAsync();
            Assert.Null(await Factory.Services.GetRequiredService<InvitationAdministration>().RevokeAsync(Demo.AcmeLabs, invitation.Id, Demo.Person("oscar@acme.test")));
        }

        var acs = await SignInAsync("frank@acme.test", "okta-frank");

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        Assert.Null(SessionCookieOrNull(acs));
    }

    private async Task<string> InviteFrankAsync()
    {
        var invite = new NewMember("frank@acme.test", "Frank Fisher", Role.Developer, null);
        Assert.Empty(await Factory.Services.GetRequiredService<InvitationAdministration>()
            .InviteAsync(Demo.AcmeLabs, invite, Demo.Person("oscar@acme.test"), "http://localhost/"));
        return await Mailbox.LatestSecretAsync(Factory, "frank@acme.test", OutboxMessageKind.Invitation);
    }
}

public sealed class SqliteInvitedSsoSignInTests() : InvitedSsoSignInTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresInvitedSsoSignInTests() : InvitedSsoSignInTests(new PostgresPortalFixture());
