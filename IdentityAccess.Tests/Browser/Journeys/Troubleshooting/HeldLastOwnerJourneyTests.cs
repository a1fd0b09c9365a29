using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.Troubleshooting;

/// <summary>
/// Never zero top role (issue 16): the IdP drops Acme's only Owner from the owner group. The push applies everything
/// else but holds her demotion; Identity and access shows what the IdP asked, by which path, since when; applying it is
/// refused while nobody else is Owner, and Alice keeps herself, which the Members page shows as a role kept by hand.
/// </summary>
[Trait("Category", "Browser")]
public sealed class HeldLastOwnerJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task IdpDropsTheLastOwner_ChangeHeldAndShown_ApplyRefused_KeptByHand_SyncNowKeepsIt()
    {
        using var idp = await ScimIdp.ConnectAsync(portal);
        await idp.AddToGroupAsync("anthropic-claude-users", "alice@acme.test");
        var settings = portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();
        var draft = new ProvisioningDraft(ProvisioningMode.Scim, true, [new RoleMapping(await GroupKeyAsync("anthropic-claude-owners"), Role.Owner),
            new RoleMapping(await GroupKeyAsync("anthropic-claude-admins"), Role.Admin), new RoleMapping(await GroupKeyAsync("anthropic-claude-users"), Role.User)],
            [], null, 1);
        var alice = portal.Demo.Person("alice@acme.test");
        Assert.Empty((await settings.SaveAsync(portal.Demo.AcmeChat, draft, alice, (await settings.PreviewAsync(portal.Demo.AcmeChat, draft, alice)).AffectedOthers)).Errors);

        // The IdP takes Alice, the only Owner, out of the owners group: the push is accepted and the demotion held.
        await idp.RemoveFromGroupAsync("anthropic-claude-owners", "alice@acme.test");

        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var held = page.GetByTestId("held-changes");
        await Expect(held).ToContainTextAsync("1 change held so the organization keeps an Owner");
        var row = held.Locator("[data-person='alice@acme.test']");
        await Expect(row.GetByTestId("held-asked")).ToContainTextAsync("Demote from Owner to User, asked by Directory sync (SCIM), held since");
        await Expect(row).ToContainTextAsync("Group 'anthropic-claude-users' → User.");
        await held.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "journey-16-held-last-owner");

        // Applying needs someone else to be Owner first; the dialog says so and nothing changes.
        await row.GetByTestId("held-apply").ClickAsync();
        var dialog = page.GetByTestId("held-apply-dialog");
        await Expect(page.GetByTestId("held-apply-confirm")).ToBeDisabledAsync(); // the dialog's actions sit outside its content
        await dialog.GetByLabel("Type alice@acme.test to confirm").FillAsync("alice@acme.test");
        await page.GetByTestId("held-apply-confirm").ClickAsync();
        await Expect(dialog.GetByTestId("held-apply-error")).ToHaveTextAsync("Applying this would leave Acme with no active Owner. Make someone else Owner first.");
        await Screenshots.SaveAsync(page, "journey-16-held-apply-refused");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // At phone width the held change still reads and its buttons are reachable.
        await page.SetViewportSizeAsync(390, 844);
        await held.ScrollIntoViewIfNeededAsync();
        await Expect(row.GetByTestId("held-keep")).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "journey-16-held-last-owner-phone");
        await page.SetViewportSizeAsync(1360, 1200);

        // Keep: Alice stays Owner, now as a role kept by hand, and the panel is gone.
        await row.GetByTestId("held-keep").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "Alice Anders keeps their role; it is now kept by hand." }).Last).ToBeVisibleAsync();
        await Expect(held).ToHaveCountAsync(0);

        // Sync now does not undo it, and the Members page shows it.
        await IdentityAndAccessScreen.SyncNowAsync(page, expectedChanges: 0);
        await Expect(held).ToHaveCountAsync(0);
        await MembersScreen.OpenAsync(page, portal.Demo.AcmeChat);
        var alicesRow = MembersScreen.Row(page, "Alice Anders");
        await Expect(alicesRow).ToContainTextAsync("Owner");
        var chip = alicesRow.GetByTestId("role-override-chip");
        await Expect(chip).ToHaveTextAsync("Kept by hand");
        await chip.HoverAsync();
        await Expect(page.Locator(".mud-tooltip").Filter(new() { HasText = "Owner set by hand by Alice Anders on" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "journey-16-kept-by-hand");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(chip).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "journey-16-kept-by-hand-phone");
        await page.SetViewportSizeAsync(1360, 1200);
        // Back on a desktop width: the table lays out as a table again, and the chip's tooltip is out of the way.
        await page.Mouse.MoveAsync(0, 0);
        await Expect(page.Locator(".mud-tooltip").Filter(new() { HasText = "Owner set by hand" })).ToBeHiddenAsync();
        await Expect(alicesRow.GetByRole(AriaRole.Link, new() { Name = "Alice Anders" })).ToBeVisibleAsync();
        var why = await MembersScreen.OpenMemberAsync(page, "Alice Anders");
        await Expect(why).ToContainTextAsync("Role kept by hand: Owner, set by Alice Anders on");
    }

    private async Task<string> GroupKeyAsync(string name)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.DirectoryGroups.Where(g => g.DisplayName == name).Select(g => g.ExternalId).SingleAsync();
    }
}
