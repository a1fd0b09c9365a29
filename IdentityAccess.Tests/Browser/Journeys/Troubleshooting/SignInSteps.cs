using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>Signing out, and the sign-ins that do not let the person in: the portal's refusal page, or an IdP that no longer offers them.</summary>
public static class SignInSteps
{
    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // The sign-out's own redirect lands on /sign-in; the open circuit, seeing its session revoked at the same moment,
        // may get there first and add the page it was on as returnUrl. Either way the person is signed out.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/sign-in(\?returnUrl=[^&]*)?$"));
        await PortalPage.WaitInteractiveAsync(page);
    }

    /// <summary>Opens the demo IdP's page for the person's domain from /sign-in, as <see cref="PortalPage.SignInAsync"/> does.</summary>
    public static async Task OpenDemoIdpAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await PortalPage.WaitInteractiveAsync(page);
        await page.GetByText($"Sign in with the demo identity provider ({email.Split('@')[1]})").ClickAsync();
        await Expect(page.GetByTestId("demo-idp-badge")).ToBeVisibleAsync();
    }

    /// <summary>The IdP vouches for the person, but the portal refuses them: returns its refusal page's alert.</summary>
    public static async Task<ILocator> SignInRefusedAsync(IPage page, string email)
    {
        await OpenDemoIdpAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {email}", Exact = true }).ClickAsync();
        var problem = page.GetByTestId("sign-in-problem");
        await Expect(problem).ToBeVisibleAsync();
        return problem;
    }
}
