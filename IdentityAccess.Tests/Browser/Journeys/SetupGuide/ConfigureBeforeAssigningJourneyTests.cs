using IdentityAccess.Core.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.SetupGuide;

/// <summary>
/// Step 3, "Configure provisioning mode and Advanced Group Mappings": the owner picks directory sync and maps groups but
/// does NOT save yet; people are assigned in the IdP first; then "Save changes" shows who is provisioned or changed
/// before anything is written, and only the confirmation saves.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ConfigureBeforeAssigningJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_DraftsScimWithMappings_IdpAssignsPeopleMeanwhile_DiffListsThem_ConfirmSaves()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var token = await IdentityAndAccessSteps.GenerateScimTokenAsync(page);
        await IdentityAndAccessSteps.CloseScimSetupAsync(page);

        // 3.1–3.3: in Organization SSO configuration, directory sync, advanced group mappings, the groups mapped. Not saved.
        await Expect(page.GetByTestId("organization-sso").GetByRole(AriaRole.Heading, new() { Name = "Organization SSO configuration" })).ToBeVisibleAsync();
        await IdentityAndAccessSteps.ChooseModeAsync(page, "Directory sync (SCIM)");
        await IdentityAndAccessSteps.TurnOnGroupMappingsAsync(page);
        await IdentityAndAccessSteps.MapAsync(page, "Owner", "anthropic-claude-owners");
        await IdentityAndAccessSteps.MapAsync(page, "Admin", "anthropic-claude-admins");
        await IdentityAndAccessSteps.MapAsync(page, "User", "anthropic-claude-users");
        await IdentityAndAccessSteps.MapAsync(page, "Premium", "anthropic-claude-premium");
        await IdentityAndAccessSteps.MapAsync(page, "Standard", "anthropic-claude-standard");
        var unsaved = page.GetByTestId("unsaved");
        await Expect(unsaved).ToHaveTextAsync("Unsaved changes. You will see who is affected before anything is saved.");
        // The article's step 3 warning, where Save changes is: not yet, assign people (and groups) in the IdP first.
        await Expect(page.GetByTestId("assign-first")).ToContainTextAsync("and to the right groups for Advanced group mappings");
        await Screenshots.SaveAsync(page, "journey-03-assign-in-your-idp-first", fullPage: true);

        // "Make sure all users are assigned in your IdP first": meanwhile the IdP assigns a newcomer and moves Dave.
        using (var idp = new ScimIdpClient(portal.BaseUrl, token))
        {
            var nora = await idp.AssignUserAsync("nora@acme.test", "Nora Newhire");
            await idp.AddToGroupAsync(await idp.FindGroupIdAsync("anthropic-claude-users"), nora);
            await idp.AddToGroupAsync(await idp.FindGroupIdAsync("anthropic-claude-standard"), nora);
            await idp.AddToGroupAsync(await idp.FindGroupIdAsync("anthropic-claude-admins"), await idp.FindUserIdAsync("dave@acme.test"));
        }

        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            var acme = await db.Organizations.SingleAsync(o => o.Id == portal.Demo.AcmeChat);
            Assert.Equal(ProvisioningMode.Manual, acme.ProvisioningMode); // the IdP's pushes provisioned nobody: still Manual
        }

        // The page still holds the draft; 3.4 / 5.5 "Save changes": the dry run lists who is provisioned and who changes.
        await Expect(unsaved).ToBeVisibleAsync();
        await Expect(page.Locator("[data-role=Admin]")).ToContainTextAsync("anthropic-claude-admins");
        var diff = await IdentityAndAccessSteps.ReviewAsync(page);
        await Expect(page.GetByText("This is a dry run: nothing has been saved yet.")).ToBeVisibleAsync();
        await Expect(diff.GetByTestId("diff-count-Provision")).ToHaveTextAsync("4"); // Nora, and Frank, Gina and Ivan from the demo IdP
        await Expect(diff.Locator("[data-change=Provision] [data-person='nora@acme.test']")).ToContainTextAsync("not a member → User, Standard");
        await Expect(diff.Locator("[data-change=Provision] [data-person='gina@acme.test']")).ToContainTextAsync("not a member → User, Premium");
        await Expect(diff.GetByTestId("diff-count-Promote")).ToHaveTextAsync("1");
        await Expect(diff.Locator("[data-change=Promote] [data-person='dave@acme.test']")).ToContainTextAsync("User, Standard → Admin, Standard");
        await Expect(diff.GetByTestId("save-refusal")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("confirm-save")).ToBeEnabledAsync(); // nobody loses access or rank: no number to type
        await Screenshots.SaveAsync(page, "journey-03-diff-before-save");
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            Assert.False(await db.Memberships.AnyAsync(m => m.OrganizationId == portal.Demo.AcmeChat && m.Person!.Email == "nora@acme.test"));
        }

        await IdentityAndAccessSteps.ConfirmAsync(page, "Settings saved. 5 membership changes applied.");
        await Expect(unsaved).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("organization-sso")).ToContainTextAsync("Your IdP pushes people and groups; they are provisioned without signing in.");

        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/members");
        await PortalPage.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(8);
        var noraRow = rows.Filter(new() { HasText = "Nora Newhire" });
        await Expect(noraRow).ToContainTextAsync("User");
        await Expect(noraRow).ToContainTextAsync("Standard");
        await Expect(noraRow).ToContainTextAsync("SCIM sync");
        await Expect(rows.Filter(new() { HasText = "Dave Diaz" })).ToContainTextAsync("Admin");
        await Expect(rows.Filter(new() { HasText = "Alice Anders" })).ToContainTextAsync("Owner");
        await Screenshots.SaveAsync(page, "journey-03-members-after-save");
    }
}
