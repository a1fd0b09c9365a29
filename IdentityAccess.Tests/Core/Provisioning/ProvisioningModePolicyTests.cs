using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;

namespace IdentityAccess.Tests.Core.Provisioning;

public sealed class ProvisioningModePolicyTests
{
    [Theory]
    [InlineData(OrganizationPlan.Enterprise, ParentPlan.Enterprise, true)]
    [InlineData(OrganizationPlan.Console, ParentPlan.Enterprise, true)]
    [InlineData(OrganizationPlan.Console, ParentPlan.Console, true)]   // the Console org's own parent
    [InlineData(OrganizationPlan.Console, ParentPlan.Team, false)]
    [InlineData(OrganizationPlan.Team, ParentPlan.Team, false)]
    [InlineData(OrganizationPlan.Enterprise, ParentPlan.Team, false)] // the parent's plan decides for its directory
    [InlineData(OrganizationPlan.Team, ParentPlan.Enterprise, false)]
    public void Check_Scim_FollowsPlanRules(OrganizationPlan plan, ParentPlan parent, bool allowed)
    {
        var scim = ProvisioningModePolicy.Check(ProvisioningMode.Scim, plan, parent);

        Assert.Equal(allowed, scim.IsAllowed);
        Assert.Equal(allowed, scim.ReasonUnavailable is null);
    }

    [Theory]
    [InlineData(OrganizationPlan.Enterprise, ParentPlan.Enterprise)]
    [InlineData(OrganizationPlan.Team, ParentPlan.Team)]
    [InlineData(OrganizationPlan.Console, ParentPlan.Team)]
    [InlineData(OrganizationPlan.Console, ParentPlan.Console)]
    public void Check_ManualAndJit_AllowedOnEveryPlan(OrganizationPlan plan, ParentPlan parent)
    {
        Assert.True(ProvisioningModePolicy.Check(ProvisioningMode.Manual, plan, parent).IsAllowed);
        Assert.True(ProvisioningModePolicy.Check(ProvisioningMode.Jit, plan, parent).IsAllowed);
    }

    [Fact]
    public void Check_ScimOnTeamPlan_ExplainsEnterpriseOnly()
    {
        var scim = ProvisioningModePolicy.Check(ProvisioningMode.Scim, OrganizationPlan.Team, ParentPlan.Team);

        Assert.Contains("Enterprise plans only", scim.ReasonUnavailable);
    }

    [Fact]
    public void Check_ScimOnConsoleUnderTeamParent_ExplainsTheParent()
    {
        var scim = ProvisioningModePolicy.Check(ProvisioningMode.Scim, OrganizationPlan.Console, ParentPlan.Team);

        Assert.Contains("Team plan's parent organization", scim.ReasonUnavailable);
    }

    [Theory]
    [InlineData(ParentPlan.Enterprise, true)]
    [InlineData(ParentPlan.Console, true)]
    [InlineData(ParentPlan.Team, false)]
    public void DirectorySync_ParentPlan_DecidesAndTheRefusalNamesThePlan(ParentPlan plan, bool allowed)
    {
        var refusal = IdentityAccess.Core.Scim.DirectorySyncAvailability.Check("Acme Corporation", plan);

        Assert.Equal(allowed, IdentityAccess.Core.Scim.DirectorySyncAvailability.Allows(plan));
        Assert.Equal(allowed, refusal is null);
        if (refusal is not null)
        {
            Assert.Contains($"Acme Corporation's {plan} plan", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("Manual or Just in time (JIT)", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_ScimOnEnterpriseUnderTeamParent_ExplainsTheDirectoryIsTheParents()
    {
        var scim = ProvisioningModePolicy.Check(ProvisioningMode.Scim, OrganizationPlan.Enterprise, ParentPlan.Team);

        Assert.Contains("the directory belongs to the parent", scim.ReasonUnavailable);
    }

    [Fact]
    public void Evaluate_ReturnsEveryModeInMenuOrder()
    {
        var modes = ProvisioningModePolicy.Evaluate(OrganizationPlan.Enterprise, ParentPlan.Enterprise).Select(m => m.Mode);

        Assert.Equal([ProvisioningMode.Manual, ProvisioningMode.Jit, ProvisioningMode.Scim], modes);
    }
}
