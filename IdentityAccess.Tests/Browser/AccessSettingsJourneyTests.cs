using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class AccessSettingsJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_EnablesScimWithMappings_RefusedUntilAssigned_ThenMembersGetMappedRoles()
    {
        Guid parentId;
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
            await DemoIdpDirectory.ClearAsync(db, parentId); // nobody assigned to the IdP app yet
        }

        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");

        // 1. SCIM + advanced group mappings, owner group mapped, before anyone is assigned: the diff refuses.
        await ChooseModeAsync(page, "Directory sync (SCIM)");
        await page.GetByLabel("Advanced group mappings").CheckAsync();
        await MapAsync(page, "Owner", "anthropic-claude-owners");
        await page.GetByTestId("save-changes").ClickAsync();
        var dialog = page.GetByTestId("provisioning-diff");
        await Expect(dialog.GetByTestId("save-refusal").First).ToContainTextAsync("nobody is assigned to the IdP app yet");
        await Expect(page.GetByTestId("confirm-save")).ToBeDisabledAsync();
        await Screenshots.SaveAsync(page, "settings-diff-refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        // 2. The IdP assigns people to the app and to groups.
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await DemoIdpDirectory.AssignAsync(db, parentId, "alice@acme.test", "Alice Anders", "anthropic-claude-owners", "anthropic-claude-premium");
            await DemoIdpDirectory.AssignAsync(db, parentId, "bob@acme.test", "Bob Brown", "anthropic-claude-users");
            await DemoIdpDirectory.AssignAsync(db, parentId, "carol@acme.test", "Carol Chen", "anthropic-claude-users", "anthropic-claude-standard");
            await DemoIdpDirectory.AssignAsync(db, parentId, "dave@acme.test", "Dave Diaz", "anthropic-claude-users");
            await DemoIdpDirectory.AssignAsync(db, parentId, "newhire@acme.test", "Nora Newhire", "anthropic-claude-users", "anthropic-claude-premium");
        }

        // 3. Map the users group too, save: the diff names who is affected and asks for the number.
        await MapAsync(page, "User", "anthropic-claude-users");
        await page.GetByTestId("save-changes").ClickAsync();
        await Expect(dialog.GetByTestId("diff-count-Demote")).ToHaveTextAsync("1"); // Bob: Admin → User
        await Expect(dialog.Locator("[data-change=Provision] [data-person='newhire@acme.test']")).ToContainTextAsync("User, Premium");
        await Expect(page.GetByTestId("confirm-save")).ToBeDisabledAsync();
        await Screenshots.SaveAsync(page, "settings-diff");
        await page.GetByLabel("Type the number of people affected to confirm").FillAsync("1");
        await page.GetByTestId("confirm-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Settings saved");
        // The page reads the saved settings again: the chips count the people the IdP has since put in each group.
        await Expect(page.Locator("[data-role=Owner]")).ToContainTextAsync("anthropic-claude-owners · 1");
        await Expect(page.GetByText("Unsaved changes")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "settings");

        // 4. Members show the mapped roles and tiers.
        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/members");
        await PortalPage.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = "Nora Newhire" })).ToContainTextAsync("Premium");
        await Expect(rows.Filter(new() { HasText = "Bob Brown" })).ToContainTextAsync("User");
        await Expect(rows.Filter(new() { HasText = "Alice Anders" })).ToContainTextAsync("Owner");

        // 5. "Why this role?" names the group and mapping behind the role and the tier.
        await rows.Filter(new() { HasText = "Nora Newhire" }).GetByRole(AriaRole.Link).ClickAsync();
        var why = page.GetByTestId("why-this-role");
        await Expect(why).ToContainTextAsync("Group 'anthropic-claude-users' → User.");
        await Expect(why).ToContainTextAsync("In no seat tier group: keeps their Premium seat.");
        await Screenshots.SaveAsync(page, "why-this-role");
    }

    private static async Task ChooseModeAsync(IPage page, string mode)
    {
        await page.GetByTestId("mode-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = mode }).First.ClickAsync();
    }

    private static async Task MapAsync(IPage page, string role, string group)
    {
        await page.GetByTestId($"add-group-{role}").ClickAsync();
        await page.Locator(".mud-popover-open .mud-menu-item").Filter(new() { HasText = group }).ClickAsync();
        await Expect(page.Locator($"[data-role={role.Replace(" ", "", StringComparison.Ordinal)}]")).ToContainTextAsync(group);
    }
}
