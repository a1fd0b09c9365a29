using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>What a person does in the portal, in the words of the screen.</summary>
public static class PortalPage
{
    /// <summary>
    /// The one development sign-in path: /sign-in, the demo IdP button of the person's domain, the demo IdP's page (plain
    /// HTML, no circuit to wait for), "Sign in as …", and its signed response posted to the real ACS.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string path = "/")
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await WaitInteractiveAsync(page); // a link followed while the circuit starts can be lost
        await page.GetByText($"Sign in with the demo identity provider ({email.Split('@')[1]})").ClickAsync();
        await Expect(page.GetByTestId("demo-idp-badge")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {email}", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        await WaitInteractiveAsync(page);
    }

    /// <summary>
    /// Prerendered HTML shows first. A link clicked before the interactive circuit is up can be lost (seen: the page
    /// stayed put), so a person-like script waits for it, as a person waits for the page to settle.
    /// </summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "yes");

    /// <summary>
    /// Presses a control until its effect shows, at most three times, and never again once it has: a press made while
    /// a prerendered section hands over to the circuit can be lost (seen under load), and a person presses again.
    /// A control not drawn yet (its section renders after the step before) is waited for first, as a person waits to
    /// see the button: pressing nothing and then waiting the effect's whole window cost 5 s each time.
    /// </summary>
    public static async Task PressUntilAsync(ILocator control, Func<Task<int>> effect)
    {
        for (var press = 0; press < 3 && await effect() == 0; press++)
        {
            await WaitAsync(async () => await effect() > 0 || await IsPressableAsync(control));
            if (await effect() == 0 && await IsPressableAsync(control))
            {
                await control.ClickAsync();
            }

            await WaitAsync(async () => await effect() > 0);
        }
    }

    private static async Task<bool> IsPressableAsync(ILocator control) => await control.CountAsync() == 1 && await control.IsEnabledAsync();

    /// <summary>Polls every 100 ms, for at most 5 s, until <paramref name="done"/>.</summary>
    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var waited = 0; waited < 5_000 && !await done(); waited += 100)
        {
            await Task.Delay(100);
        }
    }
}
