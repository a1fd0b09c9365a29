using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>The IdP admin at work in the demo IdP's directory (/demo-idp): people, groups, and "Push to SCIM".</summary>
public static class DemoIdpScreen
{
    public static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/demo-idp");
        await PortalPage.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("demo-idp-badge")).ToBeVisibleAsync();
    }

    public static ILocator Person(IPage page, string email) => page.Locator($"[data-testid=demo-person][data-email='{email}']");

    public static ILocator Group(IPage page, string name) => page.Locator($"[data-testid=demo-group][data-name='{name}']");

    public static async Task AddPersonAsync(IPage page, string email, string displayName)
    {
        var form = page.GetByTestId("person-form");
        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Display name", new() { Exact = true }).FillAsync(displayName);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Expect(Person(page, email)).ToContainTextAsync("Active");
    }

    /// <summary>Edit the person, untick Active, Save person: the IdP stops signing them in.</summary>
    public static async Task DeactivateAsync(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {email}", Exact = true }).ClickAsync();
        var form = page.GetByTestId("person-form");
        await form.GetByLabel("Active").UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save person" }).ClickAsync();
        await Expect(Person(page, email)).ToContainTextAsync("Inactive");
    }

    /// <summary>Edit the group, tick or untick the person among its members, Save group.</summary>
    public static async Task SetGroupMemberAsync(IPage page, string group, string email, bool member)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit group {group}", Exact = true }).ClickAsync();
        var box = page.GetByRole(AriaRole.Group, new() { Name = "Group members" }).GetByLabel(email, new() { Exact = true });
        await box.SetCheckedAsync(member);
        await page.GetByTestId("group-form").GetByRole(AriaRole.Button, new() { Name = "Save group" }).ClickAsync();
        var members = Group(page, group).Locator("td").Nth(3);
        await (member ? Expect(members).ToContainTextAsync(email) : Expect(members).Not.ToContainTextAsync(email));
    }

    /// <summary>"Push to SCIM" for a parent: the demo IdP calls the portal's SCIM endpoint and summarises what it sent.</summary>
    public static async Task<ILocator> PushAsync(IPage page, string parentName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Push to SCIM: {parentName}" }).ClickAsync();
        var summary = page.GetByTestId("push-summary");
        await Expect(summary).ToContainTextAsync("0 error(s)");
        return summary;
    }
}
