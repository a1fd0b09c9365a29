using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityAccess.Tests.Browser.Journeys.SetupGuide;

/// <summary>
/// Steps 4 and 5: groups for each role and seat tier are created in the IdP with people in them (owner included), then
/// mapped on the settings page and saved. Members get the most permissive role of their groups and their tier group's
/// tier; someone in no tier group gets the highest tier with a free seat.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MapGroupsToRolesAndTiersJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string OwnerGroup = "anthropic-claude-role-owner";
    private const string AdminGroup = "anthropic-claude-role-admin";
    private const string UserGroup = "anthropic-claude-role-user";
    private const string PremiumGroup = "anthropic-claude-tier-premium";
    private const string StandardGroup = "anthropic-claude-tier-standard";

    [Fact]
    public async Task IdpGroupsMappedToRolesAndTiers_MostPermissiveRoleWins_NoTierGroupGetsHighestFreeTier()
    {
        // Acme bought 3 Premium seats: Alice and Bob hold two, one is free.
        await using (var db = await portal.Factory.CreateDbContextAsync())
        {
            await db.SeatPools.Where(p => p.OrganizationId == portal.Demo.AcmeChat && p.Tier == SeatTier.Premium)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Purchased, 3));
        }

        var page = await portal.NewPageAsync();
        await PortalPage.SignInAsync(page, "alice@acme.test", $"/orgs/{portal.Demo.AcmeChat}/identity");
        var token = await IdentityAndAccessSteps.GenerateScimTokenAsync(page);
        await IdentityAndAccessSteps.CloseScimSetupAsync(page);

        // Step 4: in the IdP, a group per role and tier, people added to them (the owner herself in the Owner group).
        using var idp = new ScimIdpClient(portal.BaseUrl, token);
        var (alice, bob, carol, dave) = (await idp.FindUserIdAsync("alice@acme.test"), await idp.FindUserIdAsync("bob@acme.test"),
            await idp.FindUserIdAsync("carol@acme.test"), await idp.FindUserIdAsync("dave@acme.test"));
        var nina = await idp.AssignUserAsync("nina@acme.test", "Nina Novak");
        await idp.PushGroupAsync(OwnerGroup, alice);
        await idp.PushGroupAsync(AdminGroup, bob, carol);
        await idp.PushGroupAsync(UserGroup, carol, dave, nina); // Carol is in both the Admin and the User group
        await idp.PushGroupAsync(PremiumGroup, alice, bob);
        await idp.PushGroupAsync(StandardGroup, carol, dave); // Nina is in no tier group

        // Step 5: back on Identity and access, map each role and tier to its group, then save.
        await IdentityAndAccessSteps.OpenAsync(page, portal.Demo.AcmeChat);
        await IdentityAndAccessSteps.ChooseModeAsync(page, "Directory sync (SCIM)");
        await IdentityAndAccessSteps.TurnOnGroupMappingsAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Role mappings" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Seat tier mappings" })).ToBeVisibleAsync();
        await IdentityAndAccessSteps.MapAsync(page, "Owner", OwnerGroup);
        await IdentityAndAccessSteps.MapAsync(page, "Admin", AdminGroup);
        await IdentityAndAccessSteps.MapAsync(page, "User", UserGroup);
        await IdentityAndAccessSteps.MapAsync(page, "Premium", PremiumGroup);
        await IdentityAndAccessSteps.MapAsync(page, "Standard", StandardGroup);
        await Expect(page.Locator("[data-role=Admin]")).ToContainTextAsync($"{AdminGroup} · 2"); // the IdP's members, counted
        await Expect(page.Locator("[data-role=User]")).ToContainTextAsync($"{UserGroup} · 3");
        await Expect(page.GetByTestId("precedence-rule")).ToContainTextAsync("A person in several mapped groups gets the most permissive role: Owner > Admin > User.");
        await Expect(page.GetByTestId("tier-default-rule")).ToContainTextAsync("A person in no seat tier group gets the highest tier with a free seat");
        await Screenshots.SaveAsync(page, "journey-04-groups-mapped", fullPage: true);

        var diff = await IdentityAndAccessSteps.ReviewAsync(page);
        await Expect(diff.Locator("[data-change=Promote] [data-person='carol@acme.test']")).ToContainTextAsync("User, Standard → Admin, Standard");
        await Expect(diff.Locator("[data-change=Provision] [data-person='nina@acme.test']")).ToContainTextAsync("not a member → User, Premium");
        await Expect(diff.GetByTestId("diff-count-Provision")).ToHaveTextAsync("1"); // the demo IdP's others are in no mapped group
        await Expect(diff.GetByTestId("diff-count-Promote")).ToHaveTextAsync("1");
        await IdentityAndAccessSteps.ConfirmAsync(page, "Settings saved. 2 membership changes applied.");

        // Premium is now full. The IdP assigns one more person with no tier group: directory sync gives them Standard.
        var uma = await idp.AssignUserAsync("uma@acme.test", "Uma Olsen");
        await idp.AddToGroupAsync(await idp.FindGroupIdAsync(UserGroup), uma);

        await page.GotoAsync($"/orgs/{portal.Demo.AcmeChat}/members");
        await PortalPage.WaitInteractiveAsync(page);
        var rows = page.GetByTestId("member-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(6);
        await ExpectMemberAsync(rows, "Alice Anders", "Owner", "Premium");
        await ExpectMemberAsync(rows, "Bob Brown", "Admin", "Premium");
        await ExpectMemberAsync(rows, "Carol Chen", "Admin", "Standard"); // Admin group + User group: Admin
        await ExpectMemberAsync(rows, "Dave Diaz", "User", "Standard");
        await ExpectMemberAsync(rows, "Nina Novak", "User", "Premium"); // no tier group, a Premium seat was free
        await ExpectMemberAsync(rows, "Uma Olsen", "User", "Standard"); // no tier group, Premium full
        await Expect(page.GetByTestId("seat-usage")).ToContainTextAsync("Total seats 3 · 0 free");
        await Screenshots.SaveAsync(page, "journey-05-members-mapped-roles-and-tiers");

        // "Why this role?" names the groups and mappings behind Carol's role and tier.
        await rows.Filter(new() { HasText = "Carol Chen" }).GetByRole(AriaRole.Link).ClickAsync();
        await PortalPage.WaitInteractiveAsync(page);
        var why = page.GetByTestId("why-this-role");
        await Expect(why).ToContainTextAsync("Under the current settings (Directory sync (SCIM), advanced group mappings on):");
        await Expect(why).ToContainTextAsync($"Groups '{AdminGroup}' → Admin, '{UserGroup}' → User; the most permissive wins: Admin.");
        await Expect(why).ToContainTextAsync($"Seat tier from group '{StandardGroup}' → Standard.");
        await Screenshots.SaveAsync(page, "journey-05-why-this-role");
    }

    private static async Task ExpectMemberAsync(ILocator rows, string name, string role, string tier)
    {
        var row = rows.Filter(new() { HasText = name });
        await Expect(row.Locator("td[data-label=Role]")).ToHaveTextAsync(role);
        await Expect(row.Locator("td[data-label='Seat tier']")).ToHaveTextAsync(tier);
    }
}
