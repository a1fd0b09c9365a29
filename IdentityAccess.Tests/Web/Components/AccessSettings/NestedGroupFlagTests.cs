using Bunit;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>Groups the IdP nested other groups in are flagged wherever they are mapped or picked.</summary>
public sealed class NestedGroupFlagTests : ComponentTest
{
    private static readonly DirectoryGroupOption[] _groups = [new("g-owners", "claude-owners", 2), new("g-users", "claude-users", 40)];
    private static readonly HashSet<string> _nested = ["g-users"];

    [Fact]
    public void RoleTable_MappedGroupWithNestedGroups_Flagged_OthersNot()
    {
        RoleMapping[] mappings = [new("g-owners", Role.Owner), new("g-users", Role.User)];

        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, mappings).Add(c => c.Groups, _groups)
            .Add(c => c.NestedGroupKeys, _nested));

        Assert.Contains("has nested groups; only direct members count", cut.Find("tr[data-role=User] [data-testid=nested-groups]").TextContent);
        Assert.Empty(cut.FindAll("tr[data-role=Owner] [data-testid=nested-groups]"));
    }

    [Fact]
    public void TierTable_Flagged()
    {
        var cut = Render<TierMappingTable>(p => p.Add(c => c.Mappings, [new TierMapping("g-users", SeatTier.Standard)]).Add(c => c.Groups, _groups)
            .Add(c => c.NestedGroupKeys, _nested));

        Assert.Single(cut.FindAll("tr[data-tier=Standard] [data-testid=nested-groups]"));
    }

    [Fact]
    public void Picker_ListsTheFlagBesideTheGroup()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, []).Add(c => c.Groups, _groups)
            .Add(c => c.NestedGroupKeys, _nested));

        cut.Find("tr[data-role=Owner] button").Click();

        popovers.WaitForAssertion(() => Assert.Equal(3, popovers.FindAll(".mud-menu-item").Count)); // the two groups, then "Enter a group id…"
        var items = popovers.FindAll(".mud-menu-item");
        Assert.Contains("has nested groups", items.Single(e => e.TextContent.Contains("claude-users", StringComparison.Ordinal)).TextContent);
        Assert.DoesNotContain("nested", items.Single(e => e.TextContent.Contains("claude-owners", StringComparison.Ordinal)).TextContent);
    }

    [Fact]
    public void NoFlagsGiven_NothingFlagged()
    {
        var cut = Render<RoleMappingTable>(p => p.Add(c => c.Product, Product.Chat).Add(c => c.Mappings, [new RoleMapping("g-users", Role.User)])
            .Add(c => c.Groups, _groups));

        Assert.Empty(cut.FindAll("[data-testid=nested-groups]"));
    }
}
