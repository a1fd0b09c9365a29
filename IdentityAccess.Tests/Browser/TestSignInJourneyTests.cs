using System.Text.RegularExpressions;
using IdentityAccess.Core.Sso.TestSignIn;
using IdentityAccess.Tests.Saml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Alice, who administers Acme's parent, tries her SSO connection before people depend on it: "Test sign-in" opens a
/// tab that signs in at the IdP (the demo IdP of the saved connection, or a routed Okta-like IdP for pasted metadata)
/// and shows what came back, while she stays signed in as herself and nobody is created or changed.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TestSignInJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ParentAdmin_TestsTheSavedConnection_SeesWhatCameBack_StaysHerself_AndTheAnswerCannotBeReused()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var daveBefore = await PersonAsync("dave@acme.test");

        var tab = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("test-sign-in-saved").ClickAsync());
        await Expect(tab.GetByTestId("demo-idp-badge")).ToBeVisibleAsync();
        var acs = await tab.RunAndWaitForRequestAsync(() => tab.GetByRole(AriaRole.Button, new() { Name = "Sign in as dave@acme.test", Exact = true }).ClickAsync(),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/saml/acs");

        await Expect(tab.GetByTestId("test-outcome")).ToContainTextAsync("Every check passed");
        await Expect(tab.Locator("[data-testid=test-check][data-status=Passed]")).ToHaveCountAsync(18);
        await Expect(tab.GetByTestId("test-nameid")).Not.ToBeEmptyAsync();
        await Expect(tab.Locator("[data-testid=test-attribute][data-name=email]")).ToContainTextAsync("dave@acme.test");
        await Expect(tab.GetByTestId("test-groups")).ToBeVisibleAsync();
        await Expect(tab.GetByTestId("test-person")).ToContainTextAsync("Dave Diaz");
        await Expect(tab.Locator("[data-testid=test-organization][data-name=Acme]")).ToContainTextAsync("User");
        await Expect(tab.GetByTestId("test-verdict")).ToContainTextAsync("Would be signed in as Dave Diaz");
        await Expect(tab.GetByTestId("signed-in-as")).ToContainTextAsync("Alice"); // the tab is still Alice's own session
        await Screenshots.SaveAsync(tab, "test-sign-in-result", fullPage: true);
        await Expect(page.GetByTestId("last-test")).ToContainTextAsync("Last test: passed"); // the panel learns the outcome by itself

        Assert.Equal(daveBefore, await PersonAsync("dave@acme.test")); // not linked, renamed or provisioned
        var replay = await tab.APIRequest.PostAsync("/saml/acs", new() { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" }, DataString = acs.PostData });
        Assert.Equal(400, replay.Status);
        Assert.Contains("Alice", await (await tab.APIRequest.GetAsync("/api/me")).TextAsync(), StringComparison.Ordinal);

        var elsewhere = await portal.NewPageAsync(); // Alice again, in another browser: another session
        await PortalPage.SignInAsync(elsewhere, "alice@acme.test");
        await elsewhere.GotoAsync(new Uri(tab.Url).AbsolutePath);
        await Expect(elsewhere.GetByTestId("test-not-found")).ToContainTextAsync("started in another session");
        await Expect(elsewhere.GetByTestId("test-nameid")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PastedMetadataWithTheWrongCertificate_ShowsWhichCheckFailed_AndIsNotSaved()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var savedIdp = await page.GetByTestId("idp-entity-id").TextContentAsync();
        await RoutedSamlIdp.SignsInAsAsync(page.Context, "carol@acme.test");
        // The IdP signs with its key; the pasted metadata names another certificate.
        var metadata = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.IdpNext)).Replace(IdpMetadataSamples.OktaSsoUrl, RoutedSamlIdp.SsoUrl, StringComparison.Ordinal);
        await page.GetByLabel("IdP metadata (XML)").FillAsync(metadata);
        await page.GetByTestId("saml-preset").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Okta" }).First.ClickAsync();
        await Expect(page.GetByTestId("test-sign-in-draft")).ToBeEnabledAsync();

        var tab = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("test-sign-in-draft").ClickAsync());

        await Expect(tab.GetByTestId("test-outcome")).ToContainTextAsync(new Regex("Failed at \"Signed with the IdP's certificate.*does not verify with any configured IdP certificate"));
        await Expect(tab.Locator("[data-testid=test-check][data-status=Failed]")).ToHaveCountAsync(1);
        await Expect(tab.Locator("[data-testid=test-check][data-status=NotRun]").First).ToContainTextAsync("The IdP reports success");
        await Expect(tab.GetByTestId("test-checks-stopped")).ToBeVisibleAsync();
        await Expect(tab.GetByTestId("test-nameid")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(tab, "test-sign-in-failed", fullPage: true);
        await Expect(page.GetByTestId("last-test")).ToContainTextAsync("failed at \"Signed with the IdP's certificate");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("idp-entity-id")).ToHaveTextAsync(savedIdp!); // the draft was never applied
    }

    [Fact]
    public async Task OrganizationAdminWhoIsNotAParentAdmin_CannotStartATest()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "oscar@acme.test", $"/orgs/{portal.Demo.AcmeLabs}/identity");
        await Expect(page.GetByTestId("saml-connection")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("test-sign-in")).ToHaveCountAsync(0);

        // Posting the panel's form by hand, with a valid antiforgery token of his own, is refused on the server.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var refused = await page.APIRequest.PostAsync("/sso/test/start", new()
        {
            Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("parentId", portal.Demo.AcmeParent.ToString()),
        });

        Assert.Equal(403, refused.Status);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.False(await db.Set<SamlTestSignIn>().AnyAsync(t => t.StartedByPersonId == portal.Demo.Person("oscar@acme.test")));
    }

    private async Task<string> PersonAsync(string email)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        var id = portal.Demo.Person(email);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id);
        var links = await db.SamlIdentityLinks.CountAsync(l => l.PersonId == id);
        var memberships = string.Join(",", (await db.Memberships.Where(m => m.PersonId == id).Select(m => new { m.OrganizationId, m.Role, m.Status }).ToListAsync())
            .OrderBy(m => m.OrganizationId).Select(m => $"{m.Role}/{m.Status}"));
        return $"{person.DisplayName}|{person.Email}|{links}|{memberships}";
    }
}
