using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.Browser.Journeys.SetupGuide;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser;

/// <summary>
/// Issue #20's dialogs at 360 px: the review before saving (a real dry run, people gaining and losing access, the number
/// to type), Manage SCIM with a token shown once, Invite, Change role and Remove (chat and Console), and the parent's
/// Create API key (its secret shown once) and Create organization. Each fits the window, its buttons take a press,
/// and long addresses and tokens wrap. Nothing is saved: each dialog is left by its Cancel (a token and an API key are
/// made, as a person setting up would; the token is revoked again).
/// </summary>
public sealed partial class PhoneLayoutTests
{
    // Long words with no hyphen to break at: an address like these must wrap, not widen a dialog.
    private const string LongMemberEmail = "bartholomew.featherstonehaughcholmondeley@acme.test";
    private const string LongNewcomerEmail = "maximilianaconstantinopolous.vanderwesthuizen@acme.test";

    [Theory]
    [InlineData("en-US")]
    [InlineData("pt-BR")]
    [InlineData("id")]
    public async Task Owner_OnAPhone_EachDialogFitsTheScreen_ItsButtonsTakeAPress_LongWordsWrap(string language)
    {
        await ArrangeDirectorySyncOnceAsync();
        await ArrangeLongAddressesOnceAsync();
        var page = await portal.NewPageAsync(language);
        await PortalPage.SignInAsync(page, "alice@acme.test");
        await page.SetViewportSizeAsync(360, 740);
        var shot = $"phone-360-{language}-dialog";

        await ReviewBeforeSavingAsync(page, shot);
        await ManageScimAsync(page, shot);
        await MemberDialogsAsync(page, portal.Demo.AcmeChat, "carol@acme.test", shot);
        await MemberDialogsAsync(page, portal.Demo.AcmeConsole, LongMemberEmail, $"{shot}-console");
        await ParentDialogsAsync(page, shot);

        Assert.True(_faults.Count == 0, string.Join("\n", _faults));
    }

    /// <summary>Owner and User mapped to their groups: Bob (in the admins group) and Pat lose access, the users group's newcomers arrive.</summary>
    private async Task ReviewBeforeSavingAsync(IPage page, string shot)
    {
        await OpenAsync(page, $"/orgs/{portal.Demo.AcmeChat}/identity");
        var mappings = page.Locator("input[data-testid=mappings-toggle], [data-testid=mappings-toggle] input");
        if (!await mappings.IsCheckedAsync())
        {
            await mappings.CheckAsync();
        }

        await IdentityAndAccessSteps.MapAsync(page, "Owner", "anthropic-claude-owners");
        await IdentityAndAccessSteps.MapAsync(page, "User", "anthropic-claude-users");
        await page.GetByTestId("save-changes").ClickAsync();
        var review = Dialog(page, "diff-dialog");
        await Expect(review.GetByTestId("typed-confirmation")).ToBeVisibleAsync();
        await Expect(review.Locator($"[data-person='{LongNewcomerEmail}']")).ToBeVisibleAsync();
        Assert.True(await review.Locator("[data-change] [data-person]").CountAsync() >= 4, "several people gain or lose access");
        await AssertDialogFitsAsync(page, review, "the review before saving", $"{shot}-review");

        // The number to type is the one the warning names; typed, the dialog's Save changes takes a press too.
        var number = System.Text.RegularExpressions.Regex.Match(await review.Locator(".mud-alert b").Last.InnerTextAsync(), @"\d+").Value;
        await TextBox(review, "typed-confirmation").FillAsync(number);
        await Expect(review.GetByTestId("confirm-save")).ToBeEnabledAsync();
        await AssertDialogFitsAsync(page, review, "the review with the number typed", $"{shot}-review-typed");
        await review.Locator(".mud-dialog-actions button").First.ClickAsync(); // Cancel: nothing is saved
        await Expect(review).ToHaveCountAsync(0);
        await page.GetByTestId("discard-draft").ClickAsync();
        await Expect(page.GetByTestId("discard-draft")).ToHaveCountAsync(0);
    }

    /// <summary>A second token generated (the dialog at its limit of two, saying so beside its buttons), then revoked.</summary>
    private async Task ManageScimAsync(IPage page, string shot)
    {
        var scim = Dialog(page, "scim-setup");
        await PortalPage.PressUntilAsync(page.GetByTestId("set-up-scim"), () => scim.CountAsync());
        await AssertDialogFitsAsync(page, scim, "Manage SCIM", $"{shot}-scim");
        var endpoint = TextBox(scim, "scim-endpoint");
        await Expect(endpoint).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/scim/v2"));
        await AssertTextReadableAsync(endpoint, "Manage SCIM: the endpoint URL");
        await AssertReachableAsync(page, AdornmentButton(endpoint), "Manage SCIM: copy the endpoint URL");

        await scim.GetByTestId("scim-generate").ClickAsync();
        var secret = TextBox(scim, "scim-secret");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ia_scim_"));
        await Expect(scim.GetByTestId("scim-token-limit")).ToBeVisibleAsync();
        await AssertDialogFitsAsync(page, scim, "Manage SCIM with a token shown once", $"{shot}-scim-token");
        await AssertTextReadableAsync(secret, "Manage SCIM: the token shown once");
        await AssertReachableAsync(page, AdornmentButton(secret), "Manage SCIM: copy the token");

        var prefix = (await secret.InputValueAsync())[..12];
        var row = scim.GetByTestId("scim-tokens").Locator("tbody tr").Filter(new() { HasText = prefix });
        await row.Locator("button").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await scim.Locator(".mud-dialog-actions button").First.ClickAsync(); // Close
        await Expect(scim).ToHaveCountAsync(0);
    }

    /// <summary>Invite (a long address typed), then Change role and Remove for one member, each left by Cancel.</summary>
    private async Task MemberDialogsAsync(IPage page, Guid organizationId, string memberEmail, string shot)
    {
        await OpenAsync(page, $"/orgs/{organizationId}/members");
        var invite = Dialog(page, "invite-member-dialog");
        await PortalPage.PressUntilAsync(page.GetByTestId("invite-member"), () => invite.CountAsync());
        await TextBox(invite, "member-email").FillAsync(LongNewcomerEmail);
        await AssertDialogFitsAsync(page, invite, "Invite", $"{shot}-invite");
        await CancelAsync(invite);

        var row = page.GetByTestId("member-table").Locator("tbody tr").Filter(new() { HasText = memberEmail });
        var changeRole = Dialog(page, "change-role-dialog");
        await OpenFromMemberMenuAsync(page, row, "member-change-role", changeRole);
        await AssertDialogFitsAsync(page, changeRole, "Change role", $"{shot}-change-role");
        await CancelAsync(changeRole);

        var remove = Dialog(page, "remove-member-dialog");
        await OpenFromMemberMenuAsync(page, row, "member-remove", remove);
        await Expect(remove).ToContainTextAsync(memberEmail);
        await AssertDialogFitsAsync(page, remove, "Remove member", $"{shot}-remove");
        await CancelAsync(remove);
    }

    private async Task ParentDialogsAsync(IPage page, string shot)
    {
        await OpenAsync(page, $"/parents/{portal.Demo.AcmeParent}");
        var apiKey = Dialog(page, "create-api-key-dialog");
        await PortalPage.PressUntilAsync(page.GetByTestId("create-api-key"), () => apiKey.CountAsync());
        await TextBox(apiKey, "api-key-name").FillAsync("Provisioning script for the identity team");
        await AssertDialogFitsAsync(page, apiKey, "Create API key", $"{shot}-api-key");
        await apiKey.GetByTestId("create-api-key-submit").ClickAsync();
        await Expect(apiKey.GetByTestId("api-key-secret")).ToBeVisibleAsync();
        await AssertDialogFitsAsync(page, apiKey, "Create API key with its secret shown once", $"{shot}-api-key-secret");
        await apiKey.GetByTestId("create-api-key-done").ClickAsync();
        await Expect(apiKey).ToHaveCountAsync(0);

        var organization = Dialog(page, "create-organization-dialog");
        await PortalPage.PressUntilAsync(page.GetByTestId("create-organization"), () => organization.CountAsync());
        await AssertDialogFitsAsync(page, organization, "Create organization", $"{shot}-create-organization");
        await CancelAsync(organization);
    }

    private static async Task OpenFromMemberMenuAsync(IPage page, ILocator row, string item, ILocator dialog)
    {
        var menuItem = page.Locator($".mud-popover-open [data-testid={item}]");
        await PortalPage.PressUntilAsync(row.GetByTestId("member-actions").Locator("button").First, () => menuItem.CountAsync());
        await PortalPage.PressUntilAsync(menuItem, () => dialog.CountAsync());
    }

    private static async Task CancelAsync(ILocator dialog)
    {
        await dialog.Locator(".mud-dialog-actions button").First.ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A Console member with a long address (Developer: the Change role dialog lists the Console roles) and a person
    /// the IdP assigned to the users group with another, who arrives in the review's diff.
    /// </summary>
    private async Task ArrangeLongAddressesOnceAsync()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        if (await db.People.AnyAsync(p => p.NormalizedEmail == LongMemberEmail.ToUpperInvariant()))
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var member = Person.Create(LongMemberEmail, "Bartholomew Featherstonehaugh-Cholmondeley", now);
        db.People.Add(member);
        db.Memberships.Add(new Membership
        {
            OrganizationId = portal.Demo.AcmeConsole,
            PersonId = member.Id,
            Role = Role.Developer,
            Status = MembershipStatus.Active,
            Source = MembershipSource.Manual,
            CreatedAt = now,
            StatusChangedAt = now,
        });
        await db.SaveChangesAsync();
        var parentId = await db.Organizations.Where(o => o.Id == portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
        await DemoIdpDirectory.AssignAsync(db, parentId, LongNewcomerEmail, "Maximiliana Constantinopolous van der Westhuizen", "anthropic-claude-users");
    }
}
