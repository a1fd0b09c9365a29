using System.Net;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.Saml;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Web.Endpoints.Saml;

/// <summary>
/// Who may start a test sign-in and who may read its result, each refusal tried as that actor with nothing written;
/// and tests of a draft: pasted metadata checked against, never saved.
/// </summary>
public abstract class SamlTestSignInAccessTests(PortalFixture portal) : SamlTestSignInTestBase(portal)
{
    [Fact]
    public async Task OrganizationAdminWhoIsNotAParentAdmin_SeesNoButtonAndIsRefused()
    {
        var oscar = await SignedInAsync("oscar@acme.test"); // Admin of Acme Labs, not an admin of its parent
        var labs = await (await oscar.GetAsync($"/orgs/{Demo.AcmeLabs}/identity")).Content.ReadAsStringAsync();
        var token = await TokenAsync(oscar);

        var refused = await oscar.PostAsync("/sso/test/start", ("__RequestVerificationToken", token), ("parentId", AcmeParent.ToString()));

        Assert.DoesNotContain("test-saved-form", labs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(oscar.Cookie(SamlEndpoints.StateCookie));
        await AssertNoTestStartedAsync();
    }

    [Fact]
    public async Task SignedOutOrAnotherParentsAdmin_CannotStartATest()
    {
        var signedOut = await new CookieJarClient(Factory).PostAsync("/sso/test/start", ("parentId", AcmeParent.ToString()));
        var grace = await SignedInAsync("grace@globex.test"); // admin of Globex only
        var other = await grace.PostAsync("/sso/test/start", ("__RequestVerificationToken", await TokenAsync(grace)), ("parentId", AcmeParent.ToString()));

        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode); // someone with no standing in Acme learns nothing about it
        await AssertNoTestStartedAsync();
    }

    [Fact]
    public async Task Result_IsOnlyForTheSessionThatStartedIt()
    {
        var alice = await SignedInAsync("alice@acme.test");
        var (_, login) = await StartTestAsync(alice);
        var testId = TestIdIn(await PostAcsAsync(alice, login!, Response(login!.RequestId, "carol@acme.test")));
        await MakeParentAdminAsync("bob@acme.test");
        var aliceElsewhere = await SignedInAsync("alice@acme.test");
        var bob = await SignedInAsync("bob@acme.test");

        var own = await (await alice.GetAsync($"/sso/test/{testId}")).Content.ReadAsStringAsync();
        foreach (var other in new[] { aliceElsewhere, bob })
        {
            var html = await (await other.GetAsync($"/sso/test/{testId}")).Content.ReadAsStringAsync();
            Assert.Contains("started in another session", html, StringComparison.Ordinal);
            Assert.DoesNotContain("okta-carol", html, StringComparison.Ordinal);
        }

        Assert.Contains("okta-carol", own, StringComparison.Ordinal);
        var tests = Factory.Services.GetRequiredService<SamlTestSignInService>();
        var bobsView = await tests.GetLastAsync(AcmeParent, Demo.Person("bob@acme.test"), sessionId: null);
        Assert.Equal((true, false, null), (bobsView!.Passed, bobsView.IsMine, bobsView.Result)); // the outcome on the panel, not the content
        Assert.Null(await tests.GetLastAsync(AcmeParent, Demo.Person("oscar@acme.test"), sessionId: null));
    }

    [Fact]
    public async Task Draft_WithAnotherCertificate_FailsAtTheSignatureCheck_AndIsNeverSaved()
    {
        var alice = await SignedInAsync("alice@acme.test");
        var savedBefore = await SavedCertificatesAsync();
        var (_, login) = await StartTestAsync(alice, ("metadata", IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext))), ("preset", "Okta"));

        var testId = TestIdIn(await PostAcsAsync(alice, login!, Response(login!.RequestId, "carol@acme.test")));

        var result = SamlTestResult.FromJson((await TestRowAsync(testId)).ResultJson!);
        Assert.False(result.Passed);
        Assert.True(result.IsDraft);
        var failed = result.FailedCheck!;
        Assert.StartsWith("Signed with the IdP's certificate", failed.Name, StringComparison.Ordinal);
        Assert.Contains("does not verify with any configured IdP certificate", failed.Detail, StringComparison.Ordinal);
        var after = result.Checks.SkipWhile(c => c != failed).Skip(1).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, c => Assert.Equal(SamlTestCheckStatus.NotRun, c.Status));
        Assert.All(result.Checks.TakeWhile(c => c != failed), c => Assert.Equal(SamlTestCheckStatus.Passed, c.Status));
        Assert.Null(result.NameId);
        Assert.Equal(savedBefore, await SavedCertificatesAsync());
        var html = await (await alice.GetAsync($"/sso/test/{testId}")).Content.ReadAsStringAsync();
        Assert.Contains("Test sign-in failed", html, StringComparison.Ordinal);
        Assert.Contains("Not run", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_NewcomerUnderJitWithGroupMappings_WouldBeCreatedWithTheMappedRole_ButNobodyIs()
    {
        var settings = Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var saved = await settings.SaveAsync(Demo.AcmeChat,
            new ProvisioningDraft(ProvisioningMode.Jit, AdvancedGroupMappings: true, [new RoleMapping("staff", Role.Admin)], [], BreakGlassPersonId: Alice.PersonId, 1), Alice.PersonId!.Value, typedConfirmation: 3);
        Assert.Empty(saved.Errors);
        var alice = await SignedInAsync("alice@acme.test");
        var (_, login) = await StartTestAsync(alice, ("metadata", IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp))), ("preset", "Okta"));

        var testId = TestIdIn(await PostAcsAsync(alice, login!, Response(login!.RequestId, "newbie@acme.test", "okta-newbie", ["staff"], "Nina Newbie")));

        var result = SamlTestResult.FromJson((await TestRowAsync(testId)).ResultJson!);
        Assert.True(result.Passed);
        Assert.Contains("Would be created as a new person, Nina Newbie (newbie@acme.test)", result.WouldDo!.Person, StringComparison.Ordinal);
        var acme = result.WouldDo.Organizations.Single(o => o.Name == "Acme");
        Assert.True(acme.ProvisionsJustInTime);
        Assert.Equal((Role.Admin, MembershipStatus.Active), (acme.Role, acme.Status));
        Assert.Contains(acme.Reasons, r => r.Text.Contains("staff", StringComparison.Ordinal)); // the rule engine says which group gave the role
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.Email == "newbie@acme.test"));
        Assert.Empty(await db.SamlIdentityLinks.ToListAsync());
    }

    [Fact]
    public async Task Draft_UnreadableMetadata_IsRefusedWithTheImportsMessage()
    {
        var alice = await SignedInAsync("alice@acme.test");

        var (response, login) = await StartTestAsync(alice, ("metadata", "<not metadata"), ("preset", "Okta"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(login);
        Assert.Contains("The metadata is not readable XML", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoTestStartedAsync();
    }

    private async Task AssertNoTestStartedAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Empty(await db.Set<SamlTestSignIn>().ToListAsync());
        Assert.Empty(await db.SamlLoginStates.ToListAsync());
        Assert.DoesNotContain("sso.test-started", await AuditActionsAsync());
    }

    private async Task MakeParentAdminAsync(string email)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.ParentAdministrators.Add(new ParentAdministrator { ParentOrganizationId = AcmeParent, PersonId = Demo.Person(email), GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "test" });
        await db.SaveChangesAsync();
    }

    private async Task<string> SavedCertificatesAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.SamlConnections.Where(c => c.ParentOrganizationId == AcmeParent).Select(c => c.EntityId + c.SigningCertificatesPem).SingleAsync();
    }
}

public sealed class SqliteSamlTestSignInAccessTests() : SamlTestSignInAccessTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresSamlTestSignInAccessTests() : SamlTestSignInAccessTests(new PostgresPortalFixture());
