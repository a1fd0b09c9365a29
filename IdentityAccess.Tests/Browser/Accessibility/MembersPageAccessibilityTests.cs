using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>axe-core's WCAG 2.1 A/AA rules over the members page with its queue, menus and dialogs, and the directory sync log.</summary>
[Trait("Category", "Browser")]
public sealed class MembersPageAccessibilityTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MembersPageAndSyncLog_WithQueueMenusAndDialogs_BreakNoWcagRule()
    {
        await AcmeOnDirectorySync.ArrangeAsync(portal);
        var axe = new AxeReport();
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/members");
        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = "Pat Pending" })).ToContainTextAsync("Pending");
        await page.GetByTestId("preview-admissions").ClickAsync();
        await Expect(page.GetByTestId("would-admit")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the members page with the seat queue");
        await Screenshots.SaveAsync(page, "a11y-members", fullPage: true);

        await rows.Filter(new() { HasText = "Dave Diaz" }).GetByRole(AriaRole.Button, new() { Name = "Actions for Dave Diaz" }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open [data-testid=member-remove]")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "a member's actions menu");
        await page.Locator(".mud-popover-open [data-testid=member-remove]").ClickAsync();
        await Expect(page.GetByTestId("remove-member-dialog")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the remove member dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await rows.Filter(new() { HasText = "Carol Chen" }).GetByRole(AriaRole.Button, new() { Name = "Actions for Carol Chen" }).ClickAsync();
        await page.Locator(".mud-popover-open [data-testid=member-change-role]").ClickAsync();
        await Expect(page.GetByTestId("change-role-dialog")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the change role dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByTestId("add-member").ClickAsync();
        var add = page.GetByTestId("add-member-dialog");
        await page.GetByTestId("add-member-submit").ClickAsync(); // nothing typed: the refusal shows in the dialog
        await Expect(add.GetByRole(AriaRole.Alert).First).ToHaveTextAsync("Enter an email address, such as name@example.com."); // words, read out
        await Expect(add.GetByRole(AriaRole.Textbox, new() { Name = "Email" })).ToHaveAttributeAsync("aria-invalid", "true");
        await axe.CheckAsync(page, "the add member dialog with a refusal");
        await Screenshots.SaveAsync(page, "a11y-add-member-refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByTestId("buy-seats").ClickAsync();
        await Expect(page.GetByTestId("buy-seats-dialog")).ToContainTextAsync("Stand-in for billing");
        await axe.CheckAsync(page, "the buy seats dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/directory-sync");
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("provisioning-log").GetByTestId("log-error")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the directory sync log");
        await Screenshots.SaveAsync(page, "a11y-sync-log");
        await page.GetByTestId("status-filter").ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await axe.CheckAsync(page, "the sync log's status filter list");

        axe.AssertClean();
    }
}
