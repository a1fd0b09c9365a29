using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.SetupGuide;

/// <summary>The help article's steps on the Identity and access page, in the words of the screen.</summary>
public static class IdentityAndAccessSteps
{
    public static async Task OpenAsync(IPage page, Guid organizationId)
    {
        await page.GotoAsync($"/orgs/{organizationId}/identity");
        await PortalPage.WaitInteractiveAsync(page);
    }

    /// <summary>
    /// The open "Provisioning mode" dropdown's option for a mode, by its on-screen name exactly: a disabled option's
    /// reason names other modes too.
    /// </summary>
    public static ILocator ModeOption(IPage page, string mode) => page.Locator(".mud-popover-open .mud-list-item")
        .Filter(new() { Has = page.Locator("[data-mode-option] > div:first-child").GetByText(mode, new() { Exact = true }) });

    /// <summary>Step 3.2: pick "Just in time (JIT)" or "Directory sync (SCIM)" from the dropdown.</summary>
    public static async Task ChooseModeAsync(IPage page, string mode)
    {
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0); // a list still closing is not this one
        await PortalPage.PressUntilAsync(page.GetByTestId("mode-select"), () => ModeOption(page, mode).CountAsync());
        await ModeOption(page, mode).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Step 3.3 / 5.1: turn on Advanced group mappings.</summary>
    public static async Task TurnOnGroupMappingsAsync(IPage page)
    {
        await page.GetByLabel("Advanced group mappings").CheckAsync();
        await Expect(page.GetByTestId("role-mappings")).ToBeVisibleAsync();
    }

    /// <summary>Step 5.2 / 5.3: "Add" next to a role or seat tier, then the IdP group from the dropdown.</summary>
    public static async Task MapAsync(IPage page, string roleOrTier, string group)
    {
        var row = page.Locator($"[data-role='{roleOrTier.Replace(" ", "", StringComparison.Ordinal)}'], [data-tier='{roleOrTier}']");
        var mapped = row.Filter(new() { HasText = group });
        var item = page.Locator(".mud-popover-open .mud-menu-item").Filter(new() { HasText = group });
        // On a loaded machine a press on the menu or its item can land while the popover is still moving and be lost
        // (seen in a clean run): open and choose again until the row shows the group, as a person would.
        for (var attempt = 0; attempt < 3 && await mapped.CountAsync() == 0; attempt++)
        {
            await PortalPage.PressUntilAsync(page.GetByTestId($"add-group-{roleOrTier}"), () => item.CountAsync());
            await PortalPage.PressUntilAsync(item, () => mapped.CountAsync());
        }

        await Expect(row).ToContainTextAsync(group);
    }

    /// <summary>"Save changes": the dry run's dialog opens first; nothing is saved yet.</summary>
    public static async Task<ILocator> ReviewAsync(IPage page)
    {
        await page.GetByTestId("save-changes").ClickAsync();
        var diff = page.GetByTestId("provisioning-diff");
        await Expect(diff).ToBeVisibleAsync();
        return diff;
    }

    /// <summary>The dialog's own "Save changes": the confirmed save, answered by a snackbar.</summary>
    public static async Task ConfirmAsync(IPage page, string snackbar)
    {
        await page.GetByTestId("confirm-save").ClickAsync();
        await Expect(page.GetByTestId("diff-dialog")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = snackbar })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Step 2 on a parent with no token yet: "Set up SCIM" next to Directory sync (SCIM), then "Generate token".
    /// Returns the token shown once; the dialog stays open.
    /// </summary>
    public static async Task<string> GenerateScimTokenAsync(IPage page)
    {
        await page.GetByTestId("set-up-scim").ClickAsync();
        var dialog = ScimSetupDialog(page);
        await Expect(dialog).ToContainTextAsync("No token yet.");
        await dialog.GetByTestId("scim-generate").ClickAsync();
        var secret = dialog.GetByLabel("Secret token");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ia_scim_"));
        return await secret.InputValueAsync();
    }

    /// <summary>The whole "Directory sync (SCIM)" dialog, its action buttons included.</summary>
    public static ILocator ScimSetupDialog(IPage page) =>
        page.Locator(".mud-dialog-container").Filter(new() { Has = page.GetByTestId("scim-setup") });

    public static async Task CloseScimSetupAsync(IPage page)
    {
        await ScimSetupDialog(page).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(page.GetByTestId("scim-setup")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("scim-status")).ToHaveTextAsync("Configured");
    }
}
