using IdentityAccess.Core.Common;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Roles;

namespace IdentityAccess.Tests.Core.Roles;

public sealed class RoleCatalogTests
{
    [Fact]
    public void RolesOf_Chat_AreOwnerAdminUserInPrecedenceOrder() =>
        Assert.Equal([Role.Owner, Role.Admin, Role.User], RoleCatalog.RolesOf(Product.Chat));

    [Fact]
    public void RolesOf_Console_HasTheDocumentedTotalOrder() =>
        Assert.Equal([Role.Admin, Role.Developer, Role.Billing, Role.ClaudeCodeUser, Role.User], RoleCatalog.RolesOf(Product.Console));

    [Theory]
    [InlineData(Product.Chat, new[] { Role.User, Role.Owner, Role.Admin }, Role.Owner)]
    [InlineData(Product.Chat, new[] { Role.User, Role.Admin }, Role.Admin)]
    [InlineData(Product.Console, new[] { Role.ClaudeCodeUser, Role.Billing, Role.User }, Role.Billing)]
    [InlineData(Product.Console, new[] { Role.User, Role.Developer, Role.Admin }, Role.Admin)]
    public void MostPermissive_SeveralRoles_PicksTheHighest(Product product, Role[] roles, Role expected) =>
        Assert.Equal(expected, RoleCatalog.MostPermissive(product, roles));

    [Theory]
    [InlineData(Product.Chat, Role.Developer)]
    [InlineData(Product.Chat, Role.ClaudeCodeUser)]
    [InlineData(Product.Console, Role.Owner)]
    public void CheckRole_RoleOfTheOtherProduct_ReturnsValidationError(Product product, Role role) =>
        Assert.IsType<ValidationFailed>(RoleCatalog.CheckRole(product, role));

    [Fact]
    public void Rank_RoleOfTheOtherProduct_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RoleCatalog.Rank(Product.Console, Role.Owner));

    [Fact]
    public void CheckTier_TierOnConsole_ReturnsValidationError() =>
        Assert.IsType<ValidationFailed>(RoleCatalog.CheckTier(Product.Console, SeatTier.Premium));

    [Fact]
    public void CheckTier_NoTierOnChat_ReturnsValidationError() =>
        Assert.IsType<ValidationFailed>(RoleCatalog.CheckTier(Product.Chat, null));

    [Fact]
    public void CheckTier_ValidCombinations_ReturnNull()
    {
        Assert.Null(RoleCatalog.CheckTier(Product.Chat, SeatTier.Standard));
        Assert.Null(RoleCatalog.CheckTier(Product.Console, null));
    }

    [Fact]
    public void TiersOf_ChatHasPremiumThenStandard_ConsoleNone()
    {
        Assert.Equal([SeatTier.Premium, SeatTier.Standard], RoleCatalog.TiersOf(Product.Chat));
        Assert.Empty(RoleCatalog.TiersOf(Product.Console));
    }

    [Fact]
    public void TopRole_IsOwnerForChatAndAdminForConsole()
    {
        Assert.Equal(Role.Owner, RoleCatalog.TopRole(Product.Chat));
        Assert.Equal(Role.Admin, RoleCatalog.TopRole(Product.Console));
    }
}
