using System.Net;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Scim.Log;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// Acme's IdP at the ACS against people Acme does not own, and the profile of people it does: a sign-in creates and
/// links only within Acme's verified domains (acme.test), renames only people Acme owns, and its decisions are in
/// Acme's provisioning log. Acme's chat organization provisions just in time without group mappings.
/// </summary>
public abstract class SamlJitOwnershipTests(PortalFixture portal) : SamlSignInTestBase(portal)
{
    private async Task<HttpResponseMessage> SignInAsync(string email, string subject, string displayName)
    {
        var login = await StartAsync("/");
        return await PostAcsAsync(login, Response(login.RequestId, email, subject, [], displayName));
    }

    private async Task SaveJitAsync()
    {
        var alice = Demo.Person("alice@acme.test");
        var settings = Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = await settings.SaveAsync(Demo.AcmeChat, ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Jit }, alice, typedConfirmation: null);
        Assert.True(saved.Errors.Count == 0, string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    private async Task<(string Name, string Email, int Links, int Memberships)> HankAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        var hank = await db.People.AsNoTracking().SingleAsync(p => p.Id == Demo.Person("hank@globex.test"));
        return (hank.DisplayName, hank.Email, await db.SamlIdentityLinks.CountAsync(l => l.PersonId == hank.Id),
            await db.Memberships.CountAsync(m => m.PersonId == hank.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Newcomer_OfAnotherParentsDomain_GetsTheDomainRefusalPage_NothingLinkedOrCreated_AndALogRow(bool jit)
    {
        if (jit)
        {
            await SaveJitAsync();
        }

        var before = await HankAsync();

        var acs = await SignInAsync("hank@globex.test", "okta-hank", "Hank Hijacked");

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        var page = await acs.Content.ReadAsStringAsync();
        Assert.Contains("Your email&#x27;s domain is not one of Acme Corporation&#x27;s verified domains", page, StringComparison.Ordinal);
        Assert.DoesNotContain("You have no access yet", page, StringComparison.Ordinal);
        Assert.Null(SessionCookieOrNull(acs));
        Assert.Equal(before, await HankAsync());
        var row = Assert.Single(await SsoLogAsync());
        Assert.Equal(("SAML", "/saml/acs", 403, "EmailDomainNotVerified"), (row.Method, row.Path, row.Status, row.ErrorType));
        Assert.Null(row.TokenId);
        Assert.Contains("globex.test", row.ErrorDetail, StringComparison.Ordinal);
        Assert.Contains(row.CorrelationId, page, StringComparison.Ordinal); // the page's reference finds the row
    }

    [Fact]
    public async Task LinkToAPersonOfAnotherDomain_NeverRenamesThem()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            // A link the parent's IdP should never have had: Globex's Hank under Acme's IdP.
            db.SamlIdentityLinks.Add(new SamlIdentityLink
            {
                ParentOrganizationId = AcmeParent,
                IdpEntityId = IdpMetadataSamples.OktaEntityId,
                Subject = "okta-hank",
                PersonId = Demo.Person("hank@globex.test"),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await SignInAsync("hank@acme.test", "okta-hank", "Renamed by Acme");

        var (name, email, _, _) = await HankAsync();
        Assert.Equal(("Hank Hill", "hank@globex.test"), (name, email));
        await using var check = await Factory.CreateDbContextAsync();
        Assert.False(await check.AuditEvents.AnyAsync(e => e.Action == "person.profile_updated"));
    }

    [Fact]
    public async Task SignInThroughALink_NameAndEmailFollowTheIdP_Audited_AndLogged()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("carol@acme.test", "okta-carol", "Carol Chen")).StatusCode); // linked by email

        var renamed = await SignInAsync("carol.okafor@acme.test", "okta-carol", "Carol Okafor");

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        await using var db = await Factory.CreateDbContextAsync();
        var carol = await db.People.AsNoTracking().SingleAsync(p => p.Id == Demo.Person("carol@acme.test"));
        Assert.Equal(("Carol Okafor", "carol.okafor@acme.test"), (carol.DisplayName, carol.Email));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "person.profile_updated");
        Assert.Equal(("SAML sign-in", """{"DisplayName":"Carol Chen","Email":"carol@acme.test"}""", """{"DisplayName":"Carol Okafor","Email":"carol.okafor@acme.test"}"""),
            (audit.Actor, audit.Before, audit.After));
        var rows = await SsoLogAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal("carol@acme.test: linked the IdP's subject to the existing person", rows[0].Summary);
        Assert.Equal("carol.okafor@acme.test: profile updated (name, email)", rows[1].Summary);
        Assert.All(rows, r => Assert.Equal(200, r.Status));
    }

    [Theory]
    [InlineData("dave@acme.test", "another person's")]
    [InlineData("carol@globex.test", "not of a verified domain")]
    public async Task SignInThroughALink_EmailItMayNotTake_NameStillFollows_EmailKept_SignedIn(string asserted, string why)
    {
        await SignInAsync("carol@acme.test", "okta-carol", "Carol Chen");

        var acs = await SignInAsync(asserted, "okta-carol", "Carol C.");

        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        await using var db = await Factory.CreateDbContextAsync();
        var carol = await db.People.AsNoTracking().SingleAsync(p => p.Id == Demo.Person("carol@acme.test"));
        Assert.Equal(("Carol C.", "carol@acme.test"), (carol.DisplayName, carol.Email));
        Assert.Contains(why, (await SsoLogAsync())[^1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JitNewcomer_ProvisionedAtSignIn_IsInTheProvisioningLogWithRoleAndTier_ARoutineSignInAsAccepted()
    {
        await SaveJitAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", "Frank Fischer")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("frank@acme.test", "okta-frank", "Frank Fischer")).StatusCode);

        var rows = await SsoLogAsync();
        Assert.Equal(2, rows.Count); // one row per sign-in
        Assert.All(rows, row => Assert.Equal(200, row.Status));
        Assert.StartsWith("frank@acme.test: created the person; provisioned in Acme as User", rows[0].Summary, StringComparison.Ordinal);
        Assert.StartsWith("frank@acme.test signed in: User", rows[1].Summary, StringComparison.Ordinal);
        Assert.EndsWith(" in Acme", rows[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAccount_InNoJitOrganization_RefusedAndLogged()
    {
        var acs = await SignInAsync("frank@acme.test", "okta-frank", "Frank Fischer");

        Assert.Equal(HttpStatusCode.Forbidden, acs.StatusCode);
        Assert.Contains("You have no access yet", await acs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var row = Assert.Single(await SsoLogAsync());
        Assert.Equal((403, nameof(SamlSignInFailure.NoAccountYet)), (row.Status, row.ErrorType));
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.Email == "frank@acme.test"));
    }
}

public sealed class SqliteSamlJitOwnershipTests() : SamlJitOwnershipTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlJitOwnershipTests() : SamlJitOwnershipTests(new PostgresPortalFixture());
