using Bunit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class MappingTablesTests : ComponentTest
{
    private static readonly DirectoryGroupOption[] _groups = [new("g-owners", "claude-owners", 2), new("g-users", "claude-users", 40)];

    [Fact]
    public void RoleTable_Console_ListsConsoleRolesInPrecedenceOrderAndStatesTheRule()
    {
        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Console).Add(c => c.Mappings, []).Add(c => c.Groups, _groups));

        Assert.Equal(["Admin", "Developer", "Billing", "ClaudeCodeUser", "User"], cut.FindAll("tr[data-role]").Select(r => r.GetAttribute("data-role")));
        Assert.Contains("Admin > Developer > Billing > Claude Code User > User", cut.Find("[data-testid=precedence-rule]").TextContent);
    }

    [Fact]
    public void RoleTable_MappingToDeletedGroup_FlaggedAsOrphaned()
    {
        RoleMapping[] mappings = [new("g-owners", Role.Owner), new("g-gone", Role.Admin)];

        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, mappings).Add(c => c.Groups, _groups));

        Assert.Contains("claude-owners", cut.Find("tr[data-role=Owner]").TextContent);
        Assert.Contains("(orphaned)", cut.Find("tr[data-role=Admin] [data-testid=orphaned-mapping]").TextContent);
    }

    [Fact]
    public void RoleTable_GroupMappedToTwoRoles_ShownOnBothRows()
    {
        RoleMapping[] mappings = [new("g-users", Role.User), new("g-users", Role.Admin)];

        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, mappings).Add(c => c.Groups, _groups));

        Assert.Contains("claude-users", cut.Find("tr[data-role=Admin]").TextContent);
        Assert.Contains("claude-users", cut.Find("tr[data-role=User]").TextContent);
        Assert.Contains("gives the higher one", cut.Markup);
    }

    [Fact]
    public void RoleTable_AGroupTheDirectoryDoesNotKnow_CanBeAddedByTypingItsId()
    {
        RoleMapping? added = null;
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, []).Add(c => c.Groups, _groups)
            .Add(c => c.OnAdd, m => added = m));

        cut.Find("tr[data-role=Admin] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-menu-item")));
        popovers.FindAll(".mud-menu-item").Single(e => e.TextContent.Contains("Enter a group id", StringComparison.Ordinal)).Click();
        const string Field = "input[data-testid='group-id-Admin'], [data-testid='group-id-Admin'] input";
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(Field)));
        cut.Find(Field).Input("  00g-engineering ");
        cut.Find("[data-testid='add-group-id-Admin']").Click();

        cut.WaitForAssertion(() => Assert.Equal(new RoleMapping("00g-engineering", Role.Admin), added), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void RoleTable_AddPicksAGroupByItsImmutableKey()
    {
        RoleMapping? added = null;
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, []).Add(c => c.Groups, _groups)
            .Add(c => c.OnAdd, m => added = m));

        cut.Find("tr[data-role=Owner] button").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-menu-item")));
        popovers.FindAll(".mud-menu-item").Single(e => e.TextContent.Contains("claude-owners", StringComparison.Ordinal)).Click();

        // MudMenu closes itself before it runs the item's handler.
        cut.WaitForAssertion(() => Assert.Equal(new RoleMapping("g-owners", Role.Owner), added));
    }

    [Fact]
    public void RoleTable_RemoveChip_RaisesThatMapping()
    {
        RoleMapping? removed = null;
        RoleMapping[] mappings = [new("g-owners", Role.Owner), new("g-users", Role.User)];
        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, mappings).Add(c => c.Groups, _groups)
            .Add(c => c.OnRemove, m => removed = m));

        cut.Find("tr[data-role=User] .mud-chip-close-button").Click();

        Assert.Equal(mappings[1], removed);
    }

    [Fact]
    public void TierTable_StatesTheDefaultRuleAndListsPremiumThenStandard()
    {
        var cut = Render<TierMappingTable>(p => p.Add(c => c.Mappings, [new TierMapping("g-users", SeatTier.Standard)]).Add(c => c.Groups, _groups));

        Assert.Equal(["Premium", "Standard"], cut.FindAll("tr[data-tier]").Select(r => r.GetAttribute("data-tier")));
        Assert.Contains("highest tier with a free seat", cut.Find("[data-testid=tier-default-rule]").TextContent);
        Assert.Contains("claude-users", cut.Find("tr[data-tier=Standard]").TextContent);
    }
}
