using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>Who the person is at the IdP: what the tester types into saml-idp's form for one login.</summary>
/// <param name="Uid">The stable id the connection uses as the subject (profile.js).</param>
public sealed record IdpPerson(string Uid, string Email, string DisplayName, params string[] Groups);

/// <summary>
/// What a person does on npm saml-idp's user form: plain server-rendered HTML with jQuery, so there is no interactive
/// circuit to wait for, only the page's own scripts (the groups field becomes a tag input once jQuery has run).
/// Fields are found by their ids, which are saml-idp's attribute names.
/// </summary>
public static class SamlIdpPage
{
    /// <summary>Fills the form for <paramref name="person"/> (it shows the last login's values: saml-idp keeps them).</summary>
    public static async Task FillAsync(IPage page, IdpPerson person)
    {
        await Expect(page.Locator("#userName")).ToBeVisibleAsync();
        await page.Locator("#userName").FillAsync(person.Email); // the NameID, emailAddress format
        await page.Locator("#uid").FillAsync(person.Uid);
        await page.Locator("#email").FillAsync(person.Email);
        await page.Locator("#displayName").FillAsync(person.DisplayName);
        var names = person.DisplayName.Split(' ', 2);
        await page.Locator("#firstName").FillAsync(names[0]);
        await page.Locator("#lastName").FillAsync(names.Length > 1 ? names[1] : "");
        await SetGroupsAsync(page, person.Groups);
    }

    /// <summary>Submits the form; saml-idp answers with a page that posts the signed Response to the ACS at once.</summary>
    /// <remarks>Not an exact name: the button's Font Awesome icon adds a glyph to it.</remarks>
    public static Task SignInAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

    // bootstrap-tagsinput hides the real `groups` input and shows a box of removable tags with a text input of its own,
    // which adds a tag on Enter. The hidden input holds the tags comma-separated; that is what the form posts.
    private static async Task SetGroupsAsync(IPage page, IReadOnlyList<string> groups)
    {
        var box = page.Locator(".bootstrap-tagsinput");
        await Expect(box).ToBeVisibleAsync();
        var removeButtons = box.Locator(".tag [data-role=remove]");
        while (await removeButtons.CountAsync() > 0)
        {
            await removeButtons.First.ClickAsync();
        }

        foreach (var group in groups)
        {
            await box.Locator("input").FillAsync(group);
            await box.Locator("input").PressAsync("Enter");
        }

        await Expect(page.Locator("#groups")).ToHaveValueAsync(string.Join(',', groups));
        await Expect(box.Locator(".tag")).ToHaveCountAsync(groups.Count);
    }
}
