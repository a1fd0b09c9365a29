using System.Net;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// A parent admin's test sign-in against the saved connection: the ACS reports instead of signing in, the tester keeps
/// their own session, nobody is linked, created or changed, and the test's Response can never be used to sign in.
/// </summary>
public abstract class SamlTestSignInTests(PortalFixture portal) : SamlTestSignInTestBase(portal)
{
    [Fact]
    public async Task SavedConnection_ReportsChecksAndOutcome_SignsNobodyInAndChangesNobody()
    {
        var alice = await SignedInAsync("alice@acme.test");
        var session = alice.Cookie(SessionCookies.Name);
        var membershipsBefore = await MembershipsAsync();
        var (started, login) = await StartTestAsync(alice);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        var acs = await PostAcsAsync(alice, login!, Response(login!.RequestId, "carol@acme.test", "okta-carol", ["engineering", "staff"], "Carol From The IdP"));

        var testId = TestIdIn(acs);
        Assert.Equal(session, alice.Cookie(SessionCookies.Name)); // still Alice's own session: no new one was set
        var result = SamlTestResult.FromJson((await TestRowAsync(testId)).ResultJson!);
        Assert.True(result.Passed, string.Join("; ", result.Checks.Select(c => $"{c.Name}: {c.Status} {c.Detail}")));
        Assert.Equal(("okta-carol", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"), (result.NameId, result.NameIdFormat));
        Assert.Equal(["engineering", "staff"], result.Attributes.Single(a => a.Name == "groups").Values);
        Assert.Equal(["engineering", "staff"], result.Identity!.Groups.Select(g => g.Key));
        Assert.Contains("Would be linked by email to Carol Chen", result.WouldDo!.Person, StringComparison.Ordinal);
        var acme = result.WouldDo.Organizations.Single(o => o.Name == "Acme");
        Assert.Equal((Role.User, MembershipStatus.Active), (acme.Role!.Value, acme.Status!.Value));
        Assert.True(result.WouldDo.WouldSignIn);

        var page = await alice.GetAsync(acs.Headers.Location!.OriginalString);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Test sign-in passed", html, StringComparison.Ordinal);
        Assert.Contains("okta-carol", html, StringComparison.Ordinal);
        Assert.Contains("Carol From The IdP", html, StringComparison.Ordinal);

        await using var db = await Factory.CreateDbContextAsync();
        Assert.Empty(await db.SamlIdentityLinks.ToListAsync());
        Assert.Equal("Carol Chen", (await db.People.SingleAsync(p => p.Id == Demo.Person("carol@acme.test"))).DisplayName);
        Assert.Equal(membershipsBefore, await MembershipsAsync());
        Assert.Equal(1, await db.SamlReplayEntries.CountAsync()); // the test's assertion is used up
        Assert.NotNull((await db.SamlLoginStates.SingleAsync(s => s.TestSignInId == testId)).UsedAt);
        var actions = await AuditActionsAsync();
        Assert.Contains("sso.test-started", actions);
        Assert.Contains("sso.test-completed", actions);
        Assert.DoesNotContain(actions, a => a is "sso.signed-in" or "sso.identity-linked" or "person.created-at-sign-in" or "person.profile_updated");
        var completed = await db.AuditEvents.SingleAsync(e => e.Action == "sso.test-completed");
        Assert.Equal(Alice.PersonId, completed.ActorPersonId);
        Assert.DoesNotContain("carol", completed.After, StringComparison.OrdinalIgnoreCase); // the outcome, not what the IdP said about her
    }

    [Fact]
    public async Task TestResponse_ReplayedToTheAcs_IsRefusedAndSignsNobodyIn()
    {
        var alice = await SignedInAsync("alice@acme.test");
        var (_, login) = await StartTestAsync(alice);
        var response = Response(login!.RequestId, "carol@acme.test");
        TestIdIn(await PostAcsAsync(alice, login, response));
        // Even where answers nobody asked for are accepted, one that answers the test's request is not taken as one.
        Assert.Null(await Factory.Services.GetRequiredService<IdpInitiatedSignInSetting>().SetAsync(AcmeParent, true, Alice.PersonId!.Value));

        var sameState = await PostAcsAsync(login, response); // the test tab's cookie and RelayState again
        var asSignIn = await PostAcsAsync(await StartAsync("/"), response); // inside a real sign-in of another browser
        var freshBrowser = await PostAcsAsync(new CookieJarClient(Factory), login, response);

        foreach (var replay in new[] { sameState, asSignIn, freshBrowser })
        {
            Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
            Assert.Null(SessionCookieOrNull(replay));
        }

        await using var db = await Factory.CreateDbContextAsync();
        Assert.Empty(await db.SamlIdentityLinks.ToListAsync());
        Assert.Single(await db.Set<SamlTestSignIn>().ToListAsync());
    }

    [Fact]
    public async Task NormalLogin_StaysASignIn_AndTheTestsResponseCannotCompleteIt()
    {
        var alice = await SignedInAsync("alice@acme.test");
        var (_, test) = await StartTestAsync(alice);
        var signIn = await StartAsync("/");

        var testResponseForSignIn = await PostAcsAsync(signIn, Response(test!.RequestId, "carol@acme.test"));
        var another = await StartAsync("/");
        var normal = await PostAcsAsync(another, Response(another.RequestId, "dave@acme.test"));

        Assert.Equal(HttpStatusCode.BadRequest, testResponseForSignIn.StatusCode); // answers the test's request, not this one
        Assert.Null(SessionCookieOrNull(testResponseForSignIn));
        Assert.Equal(HttpStatusCode.Redirect, normal.StatusCode);
        Assert.Equal("/", normal.Headers.Location!.OriginalString); // a sign-in, not a test result
        Assert.NotNull(SessionCookieOrNull(normal));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Null((await db.Set<SamlTestSignIn>().SingleAsync()).CompletedAt); // the test's own state is still waiting for its answer
    }

    private async Task<List<(Guid, Guid, Role, MembershipStatus)>> MembershipsAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return (await db.Memberships.AsNoTracking().Select(m => new { m.OrganizationId, m.PersonId, m.Role, m.Status }).ToListAsync())
            .Select(m => (m.OrganizationId, m.PersonId, m.Role, m.Status)).OrderBy(m => m.OrganizationId).ThenBy(m => m.PersonId).ToList();
    }
}

public sealed class SqliteSamlTestSignInTests() : SamlTestSignInTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlTestSignInTests() : SamlTestSignInTests(new PostgresPortalFixture());
