using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>What a person does in the portal, in the words of the screen.</summary>
public static class PortalPage
{
    public static async Task SignInAsync(IPage page, string email, string path = "/")
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {email}" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>Prerendered HTML shows first; clicks only work once the interactive circuit is connected.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "yes");
}
