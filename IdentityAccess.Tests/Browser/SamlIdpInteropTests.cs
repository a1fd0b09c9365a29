using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Endpoints.Saml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Interoperability with an IdP nobody here wrote: npm saml-idp on 127.0.0.1 (<see cref="SamlIdpInteropFixture"/>).
/// A person types their work email on the sign-in page, fills saml-idp's form, and saml-idp posts its own signed Response
/// to the real ACS. Every test uses people of its own, so the order of the tests does not matter.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SamlIdpInteropTests(SamlIdpInteropFixture interop, ITestOutputHelper output) : IClassFixture<SamlIdpInteropFixture>, IDisposable
{
    private readonly int _idpOutputStart = interop.Idp.Output.Length;

    [Fact]
    public async Task ExistingMember_SignsInThroughSamlIdp_SignedInAndLinkedByUid()
    {
        var peter = new IdpPerson(Uid("peter"), SamlIdpInteropFixture.ManualMemberEmail, "Peter Gibbons");
        var page = await interop.Portal.NewPageAsync();

        var acs = await SignInThroughIdpAsync(page, peter, "saml-idp-existing-member");

        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Peter Gibbons");
        await Screenshots.SaveAsync(page, "saml-idp-existing-member-signed-in");
        Assert.Equal(302, acs.Status);
        var me = await MeAsync(page);
        Assert.Equal(peter.Email, me.Email);
        Assert.Contains((SamlIdpInteropFixture.ManualOrganizationName, "User"), me.Organizations);
        await using var db = await interop.Portal.Factory.CreateDbContextAsync();
        var link = await db.SamlIdentityLinks.SingleAsync(l => l.ParentOrganizationId == interop.ParentId && l.Subject == peter.Uid);
        Assert.Equal(SamlIdpProcess.EntityId, link.IdpEntityId);
        Assert.Equal(interop.ManualMemberId, link.PersonId);
    }

    [Fact]
    public async Task Jit_NewPersonInMappedGroup_ProvisionedWithTheGroupsRole()
    {
        var samir = NewPerson("samir", "Samir Nagheenanajar", "engineering");
        var page = await interop.Portal.NewPageAsync();

        await SignInThroughIdpAsync(page, samir, "saml-idp-jit-admin");

        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(samir.DisplayName);
        await Screenshots.SaveAsync(page, "saml-idp-jit-admin-signed-in");
        Assert.Contains((SamlIdpInteropFixture.JitOrganizationName, "Admin"), (await MeAsync(page)).Organizations);
        Assert.Equal((Role.Admin, MembershipStatus.Active, MembershipSource.Jit), await JitMembershipAsync(samir.Email));
    }

    [Fact]
    public async Task Jit_NewPersonInNoMappedGroup_DeniedAndListedAsNotAMember()
    {
        var milton = NewPerson("milton", "Milton Waddams", "sales");
        var page = await interop.Portal.NewPageAsync();

        var acs = await SignInThroughIdpAsync(page, milton, "saml-idp-jit-denied");

        var problem = page.GetByTestId("sign-in-problem");
        await Expect(problem).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "saml-idp-jit-denied-result");
        Assert.Equal(403, acs.Status);
        await Expect(problem).ToContainTextAsync(new Regex($@"not in (a|any) group\b.*\baccess\b.*\b{SamlIdpInteropFixture.JitOrganizationName}\b",
            RegexOptions.IgnoreCase | RegexOptions.Singleline));
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/me")).Status);
        await using (var db = await interop.Portal.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.People.AnyAsync(p => p.NormalizedEmail == EmailAddress.Normalize(milton.Email)), "no Person row for the denied person");
        }

        var notMembers = await interop.Portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>()
            .GetAssignedButNotMembersAsync(interop.JitOrganizationId, interop.OwnerId);
        Assert.Contains(milton.Email, notMembers!.People.Select(o => o.Person.Email));
    }

    [Fact]
    public async Task Jit_GroupChangedAtNextLogin_RoleChanges()
    {
        var dom = NewPerson("dom", "Dom Portwood", "engineering");
        var first = await interop.Portal.NewPageAsync();
        await SignInThroughIdpAsync(first, dom, "saml-idp-jit-regroup-first");
        await Expect(first.GetByTestId("signed-in-as")).ToContainTextAsync(dom.DisplayName);
        Assert.Equal((Role.Admin, MembershipStatus.Active, MembershipSource.Jit), await JitMembershipAsync(dom.Email));

        var second = await interop.Portal.NewPageAsync(); // a new browser: no portal session left from the first login
        await SignInThroughIdpAsync(second, dom with { Groups = ["staff"] }, "saml-idp-jit-regroup-second");

        await Expect(second.GetByTestId("signed-in-as")).ToContainTextAsync(dom.DisplayName);
        await Screenshots.SaveAsync(second, "saml-idp-jit-regroup-signed-in");
        Assert.Contains((SamlIdpInteropFixture.JitOrganizationName, "User"), (await MeAsync(second)).Organizations);
        Assert.Equal((Role.User, MembershipStatus.Active, MembershipSource.Jit), await JitMembershipAsync(dom.Email));
    }

    /// <summary>
    /// A dashboard tile: the person starts at saml-idp's own page, with no AuthnRequest, and saml-idp posts an unsolicited
    /// Response (no InResponseTo) to the ACS. Refused while the connection does not allow IdP-initiated sign-in; once a
    /// parent admin allows it, the same kind of Response signs the person in.
    /// </summary>
    [Fact]
    public async Task IdpInitiated_FromSamlIdpsOwnPage_RefusedWhileOff_SignedInOnceAllowed()
    {
        var milton = NewPerson("milton", "Milton Waddams", "engineering");
        var refusedPage = await interop.Portal.NewPageAsync();

        var refused = await SignInFromTheIdpAsync(refusedPage, milton);

        Assert.Equal(400, refused.Status);
        // Unsolicited while not allowed: read as a sign-in nobody here started, and said in words.
        await Expect(refusedPage.Locator("body")).ToContainTextAsync("Start again from the sign-in page");
        Assert.Equal(401, (await refusedPage.APIRequest.GetAsync("/api/me", new() { MaxRedirects = 0 })).Status);

        var setting = interop.Portal.Factory.Services.GetRequiredService<IdentityAccess.Core.Sso.Connections.IdpInitiatedSignInSetting>();
        Assert.Null(await setting.SetForParentAsync(interop.ParentId, true, IdentityAccess.Core.Audit.AuditActor.System("Test set-up")));
        try
        {
            var page = await interop.Portal.NewPageAsync();
            var acs = await SignInFromTheIdpAsync(page, milton);

            Assert.Equal(302, acs.Status);
            await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(milton.DisplayName);
            Assert.Contains((SamlIdpInteropFixture.JitOrganizationName, "Admin"), (await MeAsync(page)).Organizations);
        }
        finally
        {
            await setting.SetForParentAsync(interop.ParentId, false, IdentityAccess.Core.Audit.AuditActor.System("Test set-up"));
        }
    }

    /// <summary>
    /// saml-idp encrypts the assertion for the parent's SP encryption certificate (as published in its SP metadata),
    /// with its own libraries (samlp, saml, xml-encryption: AES-256-GCM content, RSA-OAEP key transport); the portal
    /// decrypts it and signs the person in through the same checks.
    /// </summary>
    [Fact]
    public async Task EncryptedAssertion_FromSamlIdp_DecryptedAndSignedIn()
    {
        var keys = await interop.Portal.Factory.Services.GetRequiredService<IdentityAccess.Core.Sso.SpKeys.SamlSpKeyStore>().MetadataKeysAsync(interop.ParentId);
        var sp = interop.Portal.Factory.Services.GetRequiredService<SamlServiceProvider>();
        await using var encrypting = await interop.Idp.StartEncryptingTwinAsync(new Uri(new Uri(interop.Portal.BaseUrl), SamlServiceProvider.AcsPath),
            sp.EntityId, keys!.EncryptionCertificates[0]);
        var bob = NewPerson("bob", "Bob Slydell", "engineering");
        var page = await interop.Portal.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(page);
        await page.GetByLabel("Work email").FillAsync(bob.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(interop.Idp.BaseUrl, "saml/sso").AbsoluteUri)));
        // The same AuthnRequest, answered by the encrypting twin (same issuer and signing key) instead.
        await page.GotoAsync(new UriBuilder(page.Url) { Port = encrypting.BaseUrl.Port }.Uri.AbsoluteUri);
        await SamlIdpPage.FillAsync(page, bob);

        var acs = await page.RunAndWaitForResponseAsync(() => SamlIdpPage.SignInAsync(page),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == SamlServiceProvider.AcsPath);

        var posted = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(acs.Request.PostData!)["SAMLResponse"].ToString();
        var response = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(posted));
        Assert.Contains("EncryptedAssertion", response, StringComparison.Ordinal);
        Assert.DoesNotContain(bob.Email, response, StringComparison.Ordinal); // nothing about the person in the clear
        Assert.Equal(302, acs.Status);
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(bob.DisplayName);
        Assert.Contains((SamlIdpInteropFixture.JitOrganizationName, "Admin"), (await MeAsync(page)).Organizations);
    }

    private async Task<IResponse> SignInFromTheIdpAsync(IPage page, IdpPerson person)
    {
        await page.GotoAsync(interop.Idp.BaseUrl.AbsoluteUri);
        await SamlIdpPage.FillAsync(page, person);
        return await page.RunAndWaitForResponseAsync(() => SamlIdpPage.SignInAsync(page),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == SamlServiceProvider.AcsPath);
    }

    /// <summary>The IdP's log since this test started: the AuthnRequests it got and the Responses it sent (not its assets).</summary>
    public void Dispose() => output.WriteLine("saml-idp output during this test:\n"
        + string.Join('\n', interop.Idp.Output[_idpOutputStart..].Split('\n').Where(line => !line.Contains("> GET /dist/", StringComparison.Ordinal))));

    /// <summary>
    /// The sign-in page's email step sends the browser to saml-idp (the email's domain is Initech's); the person fills
    /// the form and signs in there, and saml-idp's page posts the Response to the ACS. Returns the ACS's answer.
    /// </summary>
    private async Task<IResponse> SignInThroughIdpAsync(IPage page, IdpPerson person, string screenshot)
    {
        await page.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(page); // typed before the circuit starts, the email would be re-rendered away
        await page.GetByLabel("Work email").FillAsync(person.Email);
        await Expect(page.GetByLabel("Work email")).ToHaveValueAsync(person.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(interop.Idp.BaseUrl, "saml/sso").AbsoluteUri)));
        await SamlIdpPage.FillAsync(page, person);
        await Screenshots.SaveAsync(page, screenshot + "-idp-form", fullPage: true);
        return await page.RunAndWaitForResponseAsync(() => SamlIdpPage.SignInAsync(page),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == SamlServiceProvider.AcsPath);
    }

    private static async Task<(string Email, List<(string Name, string Role)> Organizations)> MeAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/me");
        Assert.Equal(200, response.Status);
        using var me = JsonDocument.Parse(await response.TextAsync());
        var organizations = me.RootElement.GetProperty("organizations").EnumerateArray()
            .Select(o => (o.GetProperty("name").GetString()!, o.GetProperty("role").GetString()!)).ToList();
        return (me.RootElement.GetProperty("email").GetString()!, organizations);
    }

    /// <summary>The person's membership of the JIT organization, read from the database.</summary>
    private async Task<(Role, MembershipStatus, MembershipSource)> JitMembershipAsync(string email)
    {
        await using var db = await interop.Portal.Factory.CreateDbContextAsync();
        var normalized = EmailAddress.Normalize(email);
        var memberships = await db.Memberships.Where(m => m.OrganizationId == interop.JitOrganizationId && m.Person!.NormalizedEmail == normalized)
            .Select(m => new { m.Role, m.Status, m.Source }).ToListAsync();
        var membership = Assert.Single(memberships); // none: not provisioned
        return (membership.Role, membership.Status, membership.Source);
    }

    // Unique per test run: the app's database lives as long as the fixture, and a subject is linked once.
    private static IdpPerson NewPerson(string name, string displayName, params string[] groups)
    {
        var id = Uid(name);
        return new IdpPerson(id, $"{id}@{SamlIdpInteropFixture.Domain}", displayName, groups);
    }

    private static string Uid(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";
}
