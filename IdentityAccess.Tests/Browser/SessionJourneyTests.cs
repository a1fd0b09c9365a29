using System.Text.RegularExpressions;
using IdentityAccess.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>Sessions as a person meets them: the sessions menu, sign out everywhere, and a page left open elsewhere.</summary>
[Trait("Category", "Browser")]
public sealed class SessionJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignOutEverywhere_FromTheSecondBrowser_ThePageOpenInTheFirstLosesAccessAtItsNextClick()
    {
        var laptop = await portal.NewPageAsync();
        await PortalPage.SignInAsync(laptop, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/members");
        await Expect(laptop.GetByTestId("member-table").Locator("tbody tr")).ToHaveCountAsync(4);
        var phone = await portal.NewPageAsync();
        await PortalPage.SignInAsync(phone, "alice@acme.test");

        await phone.GetByTestId("sessions-menu").ClickAsync();
        var sessions = phone.GetByTestId("open-sessions").Locator(".mud-list-item");
        await Expect(sessions).ToHaveCountAsync(2);
        await Expect(sessions.Filter(new() { HasText = "this browser" })).ToHaveCountAsync(1);
        await phone.WaitForTimeoutAsync(400); // the menu's opening animation, for the screenshot
        await Screenshots.SaveAsync(phone, "sessions-menu");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();

        await Expect(phone).ToHaveURLAsync(new Regex("/sign-in\\?error=" + SignInMessages.SignedOutEverywhere + "$"));
        await Expect(phone.GetByTestId("sign-in-error")).ToContainTextAsync("signed out on every device");
        await Screenshots.SaveAsync(phone, "signed-out-everywhere");

        // The laptop's page is still on screen, its circuit alive. Its next click is not acted on: the page turns to sign-in.
        await laptop.WaitForTimeoutAsync((float)PortalAuthenticationStateProvider.ActivityCheckInterval.TotalMilliseconds + 500);
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();

        await Expect(laptop).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl="));
        await Expect(laptop.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(laptop.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        Assert.Equal(401, (await laptop.APIRequest.GetAsync("/api/me")).Status);
        await using var db = await portal.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.PortalSessions.CountAsync(s => s.PersonId == portal.Demo.Person("alice@acme.test") && s.RevokedReason == "signed out everywhere"));
    }
}
