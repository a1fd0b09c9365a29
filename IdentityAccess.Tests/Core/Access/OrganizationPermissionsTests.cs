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
}
