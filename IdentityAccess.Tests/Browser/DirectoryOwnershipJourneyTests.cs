using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Sso.Connections;
using IdentityAccess.Tests.Saml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// What people see of a parent's boundaries. A contractor whom Acme's IdP knows by a Globex address is refused with a
/// page that says why; Acme's owner finds the refusal in the directory sync log; when Acme's plan loses directory sync,
/// the Identity and access page says the directory is paused, why, and what to do. Acme's IdP is played by a route.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DirectoryOwnershipJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task GlobexAddressRefused_OwnerFindsItInTheLog_PlanWithoutDirectorySyncShowsThePausedBanner()
    {
        var alice = new AuditActor(portal.Demo.Person("alice@acme.test"), "Alice Anders");
        var connections = portal.Factory.Services.GetRequiredService<SamlConnectionService>();
        var metadata = IdpMetadataSamples.Okta(SamlTestKeys.PublicOnly(SamlTestKeys.Idp)).Replace(IdpMetadataSamples.OktaSsoUrl, RoutedSamlIdp.SsoUrl, StringComparison.Ordinal);
        Assert.Null(await connections.ImportMetadataAsync(portal.Demo.AcmeParent, metadata, SamlAttributePreset.Okta, alice.PersonId!.Value));
        Assert.Null(await connections.SetEnabledAsync(portal.Demo.AcmeParent, true, alice.PersonId!.Value));
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        Assert.Empty((await settings.SaveAsync(portal.Demo.AcmeChat, ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Scim }, alice.PersonId!.Value, null)).Errors);

        // 1. The contractor types an Acme address; Acme's IdP signs them in as hank@globex.test, a Globex person.
        var contractor = await portal.NewPageAsync();
        await RoutedSamlIdp.SignsInAsAsync(contractor, "hank@globex.test", "Hank Hill");
        await ContinueWithSsoAsync(contractor, "hank.contractor@acme.test");
        var problem = contractor.GetByTestId("sign-in-problem");
        await Expect(problem).ToContainTextAsync("Your email's domain is not verified for this organization");
        await Expect(problem).ToContainTextAsync("not one of Acme Corporation's verified domains");
        var reference = await problem.Locator("code").TextContentAsync();
        await Screenshots.SaveAsync(contractor, "sso-email-domain-not-verified");

        // 2. Alice finds the refusal, with the reference the contractor was given, in the directory sync log.
        var page = await portal.NewPageAsync();
        await RoutedSamlIdp.SignsInAsAsync(page, "alice@acme.test", "Alice Anders");
        await ContinueWithSsoAsync(page, "alice@acme.test");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Alice");
        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/directory-sync");
        await PortalPage.WaitInteractiveAsync(page);
        var refused = page.GetByTestId("provisioning-log").Locator("tbody tr").Filter(new() { HasText = "EmailDomainNotVerified" });
        await Expect(refused).ToHaveCountAsync(1);
        await Expect(refused).ToContainTextAsync("SSO sign-in");
        await Expect(refused).ToContainTextAsync("403 Forbidden");
        await Expect(refused).ToContainTextAsync(reference!);
        await Screenshots.SaveAsync(page, "sync-log-sso-refusal");

        // 3. The plan changes to Team (the billing stand-in's job): the directory is paused, and the page says so.
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.ParentOrganizations.Where(p => p.Name == "Acme Corporation").ExecuteUpdateAsync(u => u.SetProperty(p => p.Plan, ParentPlan.Team));
        }

        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/identity");
        var banner = page.GetByTestId("directory-paused");
        await Expect(banner).ToContainTextAsync("Directory sync is paused");
        await Expect(banner).ToContainTextAsync("Acme Corporation is on the Team plan, which does not include directory sync (SCIM).");
        await Expect(banner.GetByTestId("directory-paused-todo")).ToContainTextAsync("switch Acme to Manual or Just in time (JIT)");
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync(); // the page has settled
        await Screenshots.SaveAsync(page, "directory-paused-banner");
    }

    private static async Task ContinueWithSsoAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(page); // typed before the circuit starts, the email would be re-rendered away
        await page.GetByLabel("Work email").FillAsync(email);
        await Expect(page.GetByLabel("Work email")).ToHaveValueAsync(email);
        await page.GetByTestId("sso-email-continue").ClickAsync();
    }
}
