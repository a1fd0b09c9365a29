using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>What an owner does on the Identity and access page, in the words of its controls.</summary>
public static class IdentityAndAccessScreen
{
    public static async Task OpenAsync(IPage page, Guid organizationId)
    {
        await page.GotoAsync($"/orgs/{organizationId}/identity");
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync();
    }

    // The setup guide's steps are the same clicks: one definition of each.
    public static Task ChooseModeAsync(IPage page, string mode) => SetupGuide.IdentityAndAccessSteps.ChooseModeAsync(page, mode);

    public static Task TurnOnGroupMappingsAsync(IPage page) => SetupGuide.IdentityAndAccessSteps.TurnOnGroupMappingsAsync(page);

    /// <summary>"Add" beside the role, then the IdP group from the menu (the groups the directory or sign-ins know).</summary>
    public static async Task MapAsync(IPage page, string role, string group)
    {
        await page.GetByTestId($"add-group-{role}").ClickAsync();
        await page.Locator(".mud-popover-open .mud-menu-item").Filter(new() { HasText = group + " (" }).ClickAsync();
        await Expect(page.Locator($"[data-role={role.Replace(" ", "", StringComparison.Ordinal)}]")).ToContainTextAsync(group);
    }

    public static async Task ChooseBreakGlassOwnerAsync(IPage page, string email)
    {
        await page.GetByTestId("break-glass-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = $"({email})" }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    public static Task<ILocator> ReviewAsync(IPage page) => SetupGuide.IdentityAndAccessSteps.ReviewAsync(page);

    /// <summary>Confirms the dry run, typing the number of people affected when the dialog asks for it.</summary>
    public static async Task ConfirmAsync(IPage page, int? typedConfirmation = null)
    {
        if (typedConfirmation is { } typed)
        {
            await page.GetByLabel("Type the number of people affected to confirm").FillAsync(typed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.GetByTestId("confirm-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Settings saved" }).Last).ToBeVisibleAsync();
        await Expect(page.GetByTestId("diff-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>"Sync now" beside Directory sync (SCIM), and the snackbar that reports how many memberships changed.</summary>
    public static async Task SyncNowAsync(IPage page, int expectedChanges)
    {
        await page.GetByTestId("sync-now").ClickAsync();
        var report = $"Sync finished: {expectedChanges} membership change{(expectedChanges == 1 ? "" : "s")}.";
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = report }).Last).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sync-now")).ToBeEnabledAsync();
    }
}
