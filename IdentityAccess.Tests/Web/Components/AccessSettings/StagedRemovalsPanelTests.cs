using Bunit;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using Microsoft.AspNetCore.Components;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class StagedRemovalsPanelTests : ComponentTest
{
    private static readonly StagedRemovalView[] _two =
    [
        new(Guid.NewGuid(), "frank@acme.test", "Frank Fischer", ChangeKind.Deprovision, "Not assigned to the IdP app: removed by directory sync.", DateTimeOffset.UnixEpoch),
        new(Guid.NewGuid(), "gina@acme.test", "Gina Gomez", ChangeKind.Suspend, "Deactivated in the IdP: suspended, seat freed, history kept.", DateTimeOffset.UnixEpoch),
    ];

    [Fact]
    public void Nothing_held_back_renders_nothing() =>
        Assert.Empty(Render<StagedRemovalsPanel>(p => p.Add(c => c.People, [])).Markup.Trim());

    [Fact]
    public void Held_back_removals_are_listed_with_what_and_why()
    {
        var panel = Render<StagedRemovalsPanel>(p => p.Add(c => c.People, _two));

        Assert.Contains("2 removals waiting for your approval", panel.Find("[data-testid=staged-removals]").TextContent);
        var frank = panel.Find("tr[data-person='frank@acme.test']").TextContent;
        Assert.Contains("Remove", frank);
        Assert.Contains("Not assigned to the IdP app", frank);
        Assert.Contains("Suspend", panel.Find("tr[data-person='gina@acme.test']").TextContent);
    }

    [Fact]
    public void The_buttons_ask_the_page_to_approve_or_reject()
    {
        var (approved, rejected) = (0, 0);
        var panel = Render<StagedRemovalsPanel>(p => p
            .Add(c => c.People, _two)
            .Add(c => c.OnApprove, EventCallback.Factory.Create(this, () => approved++))
            .Add(c => c.OnReject, EventCallback.Factory.Create(this, () => rejected++)));

        panel.Find("[data-testid=approve-removals]").Click();
        panel.Find("[data-testid=reject-removals]").Click();

        Assert.Equal((1, 1), (approved, rejected));
        Assert.Contains("Approve 2 removals", panel.Find("[data-testid=approve-removals]").TextContent);
    }
}
