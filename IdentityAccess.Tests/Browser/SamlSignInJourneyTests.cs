using IdentityAccess.Tests.Saml;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// The owner replaces the demo IdP she signed in through with her company's IdP on the Identity and access page; then a
/// member signs in with their work email. The IdP is played by a Playwright route (<see cref="RoutedSamlIdp"/>).
/// </summary>
[Trait("Category", "Browser")]
public sealed class SamlSignInJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string IdpSsoUrl = RoutedSamlIdp.SsoUrl;

    [Fact]
    public async Task Owner_ImportsMetadataAndTurnsSsoOn_MemberSignsInWithWorkEmail()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");

        var metadata = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)).Replace(IdpMetadataSamples.OktaSsoUrl, IdpSsoUrl, StringComparison.Ordinal);
        await page.GetByLabel("IdP metadata (XML)").FillAsync(metadata);
        await page.GetByTestId("saml-preset").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Okta" }).First.ClickAsync();
        await page.GetByTestId("import-metadata").ClickAsync();
        await Expect(page.GetByTestId("idp-entity-id")).ToHaveTextAsync(IdpMetadataSamples.OktaEntityId);
        await Expect(page.GetByTestId("idp-certificate")).ToContainTextAsync("CN=Test IdP");
        // The seeded demo IdP connection was on, and a re-import keeps it on; turned off and on again, it stays the owner's choice.
        await Expect(page.GetByTestId("sso-status")).ToHaveTextAsync("Enabled");
        await page.GetByText("Sign in with this IdP").ClickAsync();
        // Off asks first: Alice herself signed in through the IdP, so the number of such people is typed to confirm.
        var people = (await page.GetByTestId("sso-disable-people").TextContentAsync())!.Trim();
        await page.GetByLabel($"Type {people} to confirm").FillAsync(people);
        await page.GetByTestId("confirm-sso-disable").ClickAsync();
        await Expect(page.GetByTestId("sso-status")).ToHaveTextAsync("Configured, off");
        await page.GetByText("Sign in with this IdP").ClickAsync();
        await Expect(page.GetByTestId("sso-status")).ToHaveTextAsync("Enabled");
        await Screenshots.SaveAsync(page, "saml-connection");

        var member = await portal.NewPageAsync();
        await RoutedSamlIdp.SignsInAsAsync(member, "dave@acme.test");
        await member.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(member); // typed before the circuit starts, the email would be re-rendered away
        await member.GetByLabel("Work email").FillAsync("dave@acme.test");
        await Expect(member.GetByLabel("Work email")).ToHaveValueAsync("dave@acme.test");
        await member.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await Expect(member.GetByTestId("signed-in-as")).ToContainTextAsync("Dave");
    }
}
