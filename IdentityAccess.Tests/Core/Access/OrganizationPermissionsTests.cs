using IdentityAccess.Core.Access;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Tests.Core.Access;

public sealed class OrganizationPermissionsTests
{
    [Theory]
    [InlineData(Product.Chat, Role.Owner, true)]
    [InlineData(Product.Chat, Role.Admin, false)]
    [InlineData(Product.Chat, Role.User, false)]
    [InlineData(Product.Console, Role.Admin, true)]
    [InlineData(Product.Console, Role.Developer, false)]
    [InlineData(Product.Console, Role.Billing, false)]
    public void Allows_ManageIdentityAccess_OnlyTheTopRole(Product product, Role role, bool allowed) =>
        Assert.Equal(allowed, OrganizationPermissions.Allows(product, role, Permission.ManageIdentityAccess));

    [Theory]
    [InlineData(Product.Chat, Role.Owner, true)]
    [InlineData(Product.Chat, Role.Admin, true)]
    [InlineData(Product.Chat, Role.User, false)]
    [InlineData(Product.Console, Role.Admin, true)]
    [InlineData(Product.Console, Role.Developer, false)]
    public void Allows_ManageMembers_OwnersAndChatAdmins(Product product, Role role, bool allowed) =>
        Assert.Equal(allowed, OrganizationPermissions.Allows(product, role, Permission.ManageMembers));

    [Theory]
    [InlineData(Product.Chat, Role.User)]
    [InlineData(Product.Console, Role.ClaudeCodeUser)]
    public void Allows_ViewOrganization_EveryMember(Product product, Role role) =>
        Assert.True(OrganizationPermissions.Allows(product, role, Permission.ViewOrganization));

    [Theory]
    [InlineData(Permission.ManageParentSettings)]
    [InlineData(Permission.ManageParentAdmins)]
    [InlineData(Permission.ManageParentOrganizations)]
    [InlineData(Permission.ChangeParentPlan)]
    [InlineData(Permission.SyncParentDirectory)]
    public void Allows_ParentWidePermission_OnlyParentAdmins_NeverTheTopRoleOfAnOrganization(Permission permission)
    {
        // The sibling-takeover hole of issue 16: the top role of one organization must not change what its siblings share.
        Assert.False(OrganizationPermissions.Allows(new ActingRoles(Guid.NewGuid(), Product.Console, null, false, IsTopRoleOfAnOrganization: true), permission));
        Assert.False(OrganizationPermissions.Allows(new ActingRoles(Guid.NewGuid(), Product.Chat, null, false, IsTopRoleOfAnOrganization: true), permission));
        Assert.True(OrganizationPermissions.Allows(new ActingRoles(Guid.NewGuid(), Product.Chat, null, IsParentAdmin: true), permission));
    }

    [Fact]
    public void Allows_ParentAdminWithoutRole_DoesNotManageTheOrganizationsPeopleOrSettings()
    {
        var parentAdmin = new ActingRoles(Guid.NewGuid(), Product.Chat, null, IsParentAdmin: true);

        Assert.False(OrganizationPermissions.Allows(parentAdmin, Permission.ManageMembers));
        Assert.False(OrganizationPermissions.Allows(parentAdmin, Permission.ManageIdentityAccess));
        Assert.False(OrganizationPermissions.Allows(parentAdmin, Permission.ChangeTopRole));
        Assert.True(OrganizationPermissions.Allows(parentAdmin, Permission.ResolveHeldChanges));
        Assert.True(OrganizationPermissions.Allows(parentAdmin, Permission.RemoveBreakGlassOwner));
    }

    [Theory]
    [InlineData(Product.Chat, Role.Owner)]
    [InlineData(Product.Console, Role.Admin)]
    public void Allows_RemoveBreakGlassOwner_NotTheTopRole(Product product, Role role) =>
        Assert.False(OrganizationPermissions.Allows(product, role, Permission.RemoveBreakGlassOwner));

    [Fact]
    public void Allows_ConsoleRolesBelowAdmin_HoldTheSamePermissions()
    {
        // The guide's table shows them in one column.
        var rows = new[] { Role.Developer, Role.Billing, Role.ClaudeCodeUser, Role.User }
            .Select(role => string.Concat(Enum.GetValues<Permission>().Select(p => OrganizationPermissions.Allows(Product.Console, role, p) ? '1' : '0')));

        Assert.Single(rows.Distinct());
    }

    [Fact]
    public void Describe_ManageMembersOnChat_NamesOwnersAndAdmins() =>
        Assert.Equal("the organization's Owners and Admins", OrganizationPermissions.Describe(Product.Chat, Permission.ManageMembers));

    [Fact]
    public void Describe_RunSyncNowOnChat_NamesParentAdminsToo() =>
        Assert.Equal("the organization's Owners and Admins, and the parent organization's admins",
            OrganizationPermissions.Describe(Product.Chat, Permission.RunSyncNow));
}
