using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>What an owner or admin does on the Members page and a member's own page.</summary>
public static class MembersScreen
{
    public static async Task OpenAsync(IPage page, Guid organizationId)
    {
        await page.GotoAsync($"/orgs/{organizationId}/members");
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("member-table")).ToBeVisibleAsync();
    }

    public static ILocator Rows(IPage page) => page.GetByTestId("member-table").Locator("tbody tr");

    /// <summary>The table row of one person, found by name or email.</summary>
    public static ILocator Row(IPage page, string nameOrEmail) => Rows(page).Filter(new() { HasText = nameOrEmail });

    /// <summary>The status chip of a row, as its data-status names it (Active, PendingSeat, LoginBlocked, Suspended).</summary>
    public static ILocator StatusChip(ILocator row) => row.Locator("[data-status]");

    /// <summary>Opens the member's own page by their name in the table; "Why this role?" is at its foot.</summary>
    public static async Task<ILocator> OpenMemberAsync(IPage page, string name)
    {
        // Followed again only if the first click did not navigate: seen in loaded runs right after the table re-laid out
        // for a new width. A link that never opens the page still fails below.
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });
        await PortalPage.PressUntilAsync(Row(page, name).GetByRole(AriaRole.Link, new() { Name = name }), () => heading.CountAsync());
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(heading).ToBeVisibleAsync();
        return page.GetByTestId("why-this-role");
    }

    /// <summary>The row's menu, "Change role or tier", a new role, Save: the snackbar names the new role.</summary>
    public static async Task ChangeRoleAsync(IPage page, string name, string role)
    {
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}" }).ClickAsync();
        await page.Locator(".mud-popover-open [data-testid=member-change-role]").ClickAsync();
        var dialog = page.GetByTestId("change-role-dialog");
        await PickAsync(page, dialog.GetByTestId("role-select"), role);
        await page.GetByTestId("change-role-submit").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"{name} is now {role}" }).Last).ToBeVisibleAsync();
    }

    /// <summary>The row's menu, "Restore previous role (…)", and the dialog's "Restore role": the snackbar says it is back.</summary>
    public static async Task RestorePreviousRoleAsync(IPage page, string name, string role)
    {
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}" }).ClickAsync();
        await page.Locator(".mud-popover-open [data-testid=member-restore-role]").Filter(new() { HasText = $"Restore previous role ({role})" }).ClickAsync();
        var dialog = page.GetByTestId("role-recovery-dialog");
        await Expect(dialog).ToContainTextAsync($"Restoring gives {role} back, once.");
        await page.GetByTestId("role-recovery-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"{name} has their previous role back." }).Last).ToBeVisibleAsync();
    }

    public static async Task RemoveAsync(IPage page, string name)
    {
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}" }).ClickAsync();
        await page.Locator(".mud-popover-open [data-testid=member-remove]").ClickAsync();
        await page.GetByTestId("remove-member-confirm").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"{name} was removed from" }).Last).ToBeVisibleAsync();
    }

    /// <summary>The billing stand-in: "Buy seats", a tier, the new total. Returns the open dialog just before it is submitted.</summary>
    public static async Task<ILocator> FillBuySeatsAsync(IPage page, string tier, int total)
    {
        await page.GetByTestId("buy-seats").ClickAsync();
        var dialog = page.GetByTestId("buy-seats-dialog");
        await Expect(dialog).ToContainTextAsync("Stand-in for billing"); // rendered and listening
        await PickAsync(page, dialog.GetByTestId("buy-seats-tier"), tier);
        // The list closes before the server has taken the tier, and taking it resets the total: wait for the field that
        // names the tier, or a fast fill can be overwritten by the old pool's count.
        await Expect(dialog.GetByText($"Total {tier} seats")).ToBeVisibleAsync();
        var field = dialog.Locator("input[data-testid=buy-seats-total], [data-testid=buy-seats-total] input").First;
        await field.FillAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(field).ToHaveValueAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return dialog;
    }

    /// <summary>Picks the option whose whole text is <paramref name="option"/> ("User", not "Claude Code User").</summary>
    public static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        var exactly = new Regex($"^\\s*{Regex.Escape(option)}\\s*$");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = exactly }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
