using Bunit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class ProvisioningModeAvailabilityListTests : ComponentTest
{
    [Fact]
    public void Render_TeamPlan_ShowsScimUnavailableWithTheReason()
    {
        var cut = Render<ProvisioningModeAvailabilityList>(p =>
            p.Add(c => c.Availability, ProvisioningModePolicy.Evaluate(OrganizationPlan.Team, ParentPlan.Team)));

        Assert.Contains("Directory sync (SCIM) — not available", cut.Find("[data-mode=Scim]").TextContent);
        Assert.Contains("Enterprise plans only", cut.Find("[data-testid=mode-unavailable-reason]").TextContent);
    }

    [Fact]
    public void Render_EnterprisePlan_ShowsEveryModeAvailable()
    {
        var cut = Render<ProvisioningModeAvailabilityList>(p =>
            p.Add(c => c.Availability, ProvisioningModePolicy.Evaluate(OrganizationPlan.Enterprise, ParentPlan.Enterprise)));

        Assert.Empty(cut.FindAll("[data-testid=mode-unavailable-reason]"));
        Assert.Equal(3, cut.FindAll("[data-mode]").Count);
    }
}
