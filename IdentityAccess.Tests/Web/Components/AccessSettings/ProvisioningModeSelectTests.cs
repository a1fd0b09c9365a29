using Bunit;
using IdentityAccess.Core.Organizations;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class ProvisioningModeSelectTests : ComponentTest
{
    private (IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<ProvisioningModeSelect> Select) Open(OrganizationPlan plan, ParentPlan parent)
    {
        var popovers = Render<MudPopoverProvider>();
        var select = Render<ProvisioningModeSelect>(p => p
            .Add(c => c.Value, ProvisioningMode.Manual)
            .Add(c => c.Modes, ProvisioningModePolicy.Evaluate(plan, parent)));
        select.Find("div.mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(3, popovers.FindAll(".mud-list-item").Count));
        return (popovers, select);
    }

    [Fact]
    public void Open_TeamPlan_ScimOptionDisabledWithTheReason()
    {
        var (popovers, select) = Open(OrganizationPlan.Team, ParentPlan.Team);

        var scim = popovers.FindAll(".mud-list-item").Single(e => e.TextContent.Contains("Directory sync (SCIM)", StringComparison.Ordinal));
        Assert.Contains("mud-list-item-disabled", scim.ClassName);
        Assert.Contains("Enterprise plans only", scim.TextContent);
        Assert.Contains("Enterprise plans only", select.Find("[data-testid=mode-unavailable-reason]").TextContent);
    }

    [Fact]
    public void Open_ConsoleUnderTeamParent_ScimDisabledNamingTheParent()
    {
        var (popovers, _) = Open(OrganizationPlan.Console, ParentPlan.Team);

        var scim = popovers.FindAll(".mud-list-item").Single(e => e.TextContent.Contains("Directory sync (SCIM)", StringComparison.Ordinal));
        Assert.Contains("mud-list-item-disabled", scim.ClassName);
        Assert.Contains("Team plan's parent organization", scim.TextContent);
    }

    [Fact]
    public void Pick_EnterprisePlan_EveryModeEnabledAndScimChosen()
    {
        ProvisioningMode? chosen = null;
        var popovers = Render<MudPopoverProvider>();
        var select = Render<ProvisioningModeSelect>(p => p
            .Add(c => c.Value, ProvisioningMode.Manual)
            .Add(c => c.Modes, ProvisioningModePolicy.Evaluate(OrganizationPlan.Enterprise, ParentPlan.Enterprise))
            .Add(c => c.ValueChanged, m => chosen = m));
        select.Find("div.mud-input-control").MouseDown();
        popovers.WaitForAssertion(() => Assert.Equal(3, popovers.FindAll(".mud-list-item").Count));

        Assert.DoesNotContain(popovers.FindAll(".mud-list-item"), e => e.ClassName!.Contains("mud-list-item-disabled", StringComparison.Ordinal));
        popovers.FindAll(".mud-list-item").Single(e => e.TextContent.Contains("Directory sync (SCIM)", StringComparison.Ordinal)).Click();
        Assert.Equal(ProvisioningMode.Scim, chosen);
        Assert.Empty(select.FindAll("[data-testid=mode-unavailable-reason]"));
    }
}
