using IdentityAccess.Web.Components.Layout;

namespace IdentityAccess.Tests.Web.Components;

public sealed class OrganizationRouteTests
{
    private static readonly Guid _id = Guid.Parse("0193a3f2-1111-7000-8000-000000000001");

    [Theory]
    [InlineData("orgs/0193a3f2-1111-7000-8000-000000000001/audit", "audit")]
    [InlineData("orgs/0193a3f2-1111-7000-8000-000000000001/members/abc?x=1", "members")]
    [InlineData("orgs/0193a3f2-1111-7000-8000-000000000001", "members")]
    public void Parse_OrganizationPath_ReturnsIdAndSection(string path, string section) =>
        Assert.Equal((_id, section), OrganizationRoute.Parse(path));

    [Theory]
    [InlineData("")]
    [InlineData("sign-in")]
    [InlineData("orgs/not-a-guid/members")]
    public void Parse_OtherPath_ReturnsNoOrganization(string path) => Assert.Null(OrganizationRoute.Parse(path).OrganizationId);
}
