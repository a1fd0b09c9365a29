using Bunit;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>A mapped group's remove button: reachable with Tab and named for what it undoes.</summary>
public sealed class GroupChipTests : ComponentTest
{
    [Fact]
    public void RemoveButton_NamedForGroupAndRole_InTheTabOrder_RaisesOnRemove()
    {
        var removed = 0;
        var cut = Render<GroupChip>(p => p.Add(c => c.GroupKey, "g-owners").Add(c => c.Group, new DirectoryGroupOption("g-owners", "claude-owners", 2))
            .Add(c => c.MappedTo, "Owner").Add(c => c.OnRemove, () => removed++));

        var remove = cut.Find("button[aria-label='Remove claude-owners from Owner']");
        Assert.NotEqual("-1", remove.GetAttribute("tabindex"));
        remove.Click();

        Assert.Equal(1, removed);
    }

    [Fact]
    public void RemoveButton_DeletedGroup_NamedByItsShortenedId()
    {
        var cut = Render<GroupChip>(p => p.Add(c => c.GroupKey, "6f1c2a9e-0001-4c1e-9a10-acme00000001").Add(c => c.Group, null).Add(c => c.MappedTo, "Admin"));

        Assert.NotNull(cut.Find("button[aria-label='Remove 6f1c2a9e-0001… from Admin']"));
    }

    [Fact]
    public void RemoveButton_WhileTheFormIsBusy_Disabled()
    {
        var cut = Render<GroupChip>(p => p.Add(c => c.GroupKey, "g-owners").Add(c => c.Group, new DirectoryGroupOption("g-owners", "claude-owners", 2))
            .Add(c => c.MappedTo, "Owner").Add(c => c.Disabled, true));

        Assert.True(cut.Find("button[aria-label='Remove claude-owners from Owner']").HasAttribute("disabled"));
    }
}
