using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Sso.Jit;

namespace IdentityAccess.Tests.Core.Sso;

/// <summary>Whether a sign-in provisions in an organization is the organization's mode and what the provisioning policy allows its plans.</summary>
public sealed class ParentOrganizationModeTests
{
    private static ParentOrganizationMode Org(ProvisioningMode mode, OrganizationPlan plan = OrganizationPlan.Team, ParentPlan parent = ParentPlan.Team) =>
        new(Guid.NewGuid(), "Globex Team", mode, plan, parent);

    [Theory]
    [InlineData(OrganizationPlan.Team, ParentPlan.Team)]
    [InlineData(OrganizationPlan.Enterprise, ParentPlan.Enterprise)]
    [InlineData(OrganizationPlan.Console, ParentPlan.Console)]
    [InlineData(OrganizationPlan.Console, ParentPlan.Team)]
    public void ProvisionsJustInTime_JitModeOnEveryPlanToday_OthersNever(OrganizationPlan plan, ParentPlan parent)
    {
        Assert.True(Org(ProvisioningMode.Jit, plan, parent).ProvisionsJustInTime);
        Assert.False(Org(ProvisioningMode.Manual, plan, parent).ProvisionsJustInTime);
        Assert.False(Org(ProvisioningMode.Scim, plan, parent).ProvisionsJustInTime);
    }

    [Fact]
    public void ProvisionsUnder_APolicyWithoutJitForThePlans_DoesNotProvision_AndIsAskedWithTheOrganizationsPlans()
    {
        var asked = new List<(ProvisioningMode, OrganizationPlan, ParentPlan)>();
        ModeAvailability NoJitOnTeam(ProvisioningMode mode, OrganizationPlan plan, ParentPlan parent)
        {
            asked.Add((mode, plan, parent));
            return plan == OrganizationPlan.Team ? ModeAvailability.Unavailable(mode, ModeUnavailableReason.TeamPlan, ParentPlan.Team, "not on this plan") : ModeAvailability.Allowed(mode);
        }

        Assert.False(Org(ProvisioningMode.Jit, OrganizationPlan.Team, ParentPlan.Team).ProvisionsUnder(NoJitOnTeam));
        Assert.True(Org(ProvisioningMode.Jit, OrganizationPlan.Enterprise, ParentPlan.Enterprise).ProvisionsUnder(NoJitOnTeam));
        Assert.Equal([(ProvisioningMode.Jit, OrganizationPlan.Team, ParentPlan.Team), (ProvisioningMode.Jit, OrganizationPlan.Enterprise, ParentPlan.Enterprise)], asked);
    }
}
