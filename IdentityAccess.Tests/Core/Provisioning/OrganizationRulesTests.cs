using IdentityAccess.Core.Organizations;

namespace IdentityAccess.Tests.Core.Provisioning;

public sealed class OrganizationRulesTests
{
    [Theory]
    [InlineData(ParentPlan.Enterprise, OrganizationPlan.Enterprise, true)]
    [InlineData(ParentPlan.Enterprise, OrganizationPlan.Console, true)]
    [InlineData(ParentPlan.Team, OrganizationPlan.Team, true)]
    [InlineData(ParentPlan.Team, OrganizationPlan.Console, true)]
    [InlineData(ParentPlan.Console, OrganizationPlan.Console, true)]
    [InlineData(ParentPlan.Team, OrganizationPlan.Enterprise, false)]
    [InlineData(ParentPlan.Enterprise, OrganizationPlan.Team, false)]
    [InlineData(ParentPlan.Console, OrganizationPlan.Enterprise, false)]
    public void CheckCanJoin_FollowsParentPlan(ParentPlan parent, OrganizationPlan plan, bool allowed) =>
        Assert.Equal(allowed, OrganizationRules.CheckCanJoin(parent, plan) is null);
}
