using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Accessibility;

/// <summary>The owner changes the settings with the keyboard alone: no click after sign-in, focus visible at every step.</summary>
[Trait("Category", "Browser")]
public sealed class SettingsKeyboardTests(BrowserFixture portal, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_WithKeyboardOnly_ChangesMode_MapsAGroup_OpensAndCancelsTheDiff()
    {
        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        await Expect(page.GetByTestId("organization-sso")).ToBeVisibleAsync();

        // 1. Tab to the provisioning mode, open it with the arrow key, move to JIT, pick it with Enter.
        var mode = page.GetByRole(AriaRole.Combobox, new() { Name = "Provisioning mode" });
        output.WriteLine(string.Join("\n", await Keyboard.PressUntilFocusedAsync(page, mode)));
        await Keyboard.AssertFocusVisibleAsync(page, mode);
        await page.Keyboard.PressAsync("ArrowDown");
        var options = page.Locator(".mud-popover-open").GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "a11y-keyboard-mode-list");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(options).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("mode-select")).ToContainTextAsync("Just in time (JIT)");
        await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();

        // 2. Tab on to the advanced group mappings switch and turn it on with Space.
        var mappings = page.GetByRole(AriaRole.Switch, new() { Name = "Advanced group mappings" });
        output.WriteLine(string.Join("\n", await Keyboard.PressUntilFocusedAsync(page, mappings, maxPresses: 10)));
        await Keyboard.AssertFocusVisibleAsync(page, mappings);
        await page.Keyboard.PressAsync("Space");
        await Expect(mappings).ToBeCheckedAsync();
        await Expect(page.GetByTestId("role-mappings")).ToBeVisibleAsync();

        // 3. Tab to the Owner row's "Add", open the menu with Enter, arrow to a group, pick it with Enter.
        var addOwner = page.GetByRole(AriaRole.Button, new() { Name = "Add a group to Owner" });
        output.WriteLine(string.Join("\n", await Keyboard.PressUntilFocusedAsync(page, addOwner, maxPresses: 10)));
        await Keyboard.AssertFocusVisibleAsync(page, addOwner);
        await page.Keyboard.PressAsync("Enter");
        var menuItems = page.Locator(".mud-popover-open").GetByRole(AriaRole.Menuitem);
        await Expect(menuItems.First).ToBeVisibleAsync();
        var owners = menuItems.Filter(new() { HasText = "anthropic-claude-owners" }); // second in name order, after -admins
        await Keyboard.PressUntilFocusedAsync(page, owners, "ArrowDown", maxPresses: 4);
        await Keyboard.AssertFocusVisibleAsync(page, owners);
        await Screenshots.SaveAsync(page, "a11y-keyboard-group-menu");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-role=Owner]")).ToContainTextAsync("anthropic-claude-owners");
        await Expect(addOwner).ToBeFocusedAsync(); // the menu gives the focus back to its button

        // The chip's remove button is in the Tab order, named for what it undoes.
        var removeOwners = page.GetByRole(AriaRole.Button, new() { Name = "Remove anthropic-claude-owners from Owner" });
        await Keyboard.PressUntilFocusedAsync(page, removeOwners, "Shift+Tab", maxPresses: 1);
        await Keyboard.AssertFocusVisibleAsync(page, removeOwners);
        await page.Keyboard.PressAsync("Tab");
        await Expect(addOwner).ToBeFocusedAsync();

        // 4. To "Save changes", open the diff with Enter, Tab to Cancel inside the dialog, cancel with Enter.
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save changes" });
        output.WriteLine(string.Join("\n", await Keyboard.PressUntilFocusedAsync(page, save, maxPresses: 40)));
        await Keyboard.AssertFocusVisibleAsync(page, save);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.Locator("[role=dialog]:focus-within")).ToHaveCountAsync(1); // the focus moved into the dialog
        var cancel = dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" });
        output.WriteLine(string.Join("\n", await Keyboard.PressUntilFocusedAsync(page, cancel, maxPresses: 20)));
        await Keyboard.AssertFocusVisibleAsync(page, cancel);
        await Screenshots.SaveAsync(page, "a11y-keyboard-diff");
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(save).ToBeFocusedAsync(); // back where the person was

        // 5. Open it again and leave with Escape: nothing saved, the changes are still on the page.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[role=dialog]:focus-within")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(save).ToBeFocusedAsync();
        await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-role=Owner]")).ToContainTextAsync("anthropic-claude-owners");
    }
}
