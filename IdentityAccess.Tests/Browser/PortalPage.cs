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
        await WaitInteractiveAsync(page); // a form posted while the circuit starts can be re-rendered away
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {email}" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        await WaitInteractiveAsync(page);
    }

    /// <summary>
    /// Prerendered HTML shows first. A link clicked before the interactive circuit is up can be lost (seen: the page
    /// stayed put), so a person-like script waits for it, as a person waits for the page to settle.
    /// </summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "yes");
}
