using Bunit;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

/// <summary>
/// "Known to your IdP, not members" loads after the settings are drawn: a labelled progress bar until it arrives, then
/// its rows, or nothing when everyone the IdP knows is a member.
/// </summary>
public sealed class NotMembersPanelTests : ComponentTest
{
    private static AssignedButNotMembers TwoOfFive()
    {
        var outcomes = ProvisioningScenario.Chat()
            .DirectoryUser("erin@acme.test").DirectoryUser("frank@acme.test")
            .Evaluate().Outcomes;
        return new AssignedButNotMembers([.. outcomes.OrderBy(o => o.Person.Email)], Count: 5);
    }

    private IRenderedComponent<NotMembersPanel> RenderPanel(AssignedButNotMembers? list) =>
        Render<NotMembersPanel>(p => p.Add(c => c.OrganizationId, Guid.NewGuid()).Add(c => c.List, list));

    [Fact]
    public void Loading_ShowsALabelledProgressBar()
    {
        var cut = RenderPanel(null);

        Assert.False(string.IsNullOrWhiteSpace(cut.Find("[role=progressbar]").GetAttribute("aria-label")));
        Assert.Empty(cut.FindAll("[data-testid=not-members]"));
    }

    [Fact]
    public void Loaded_ListsEachPersonWithTheReasonAndCountsTheRest()
    {
        var cut = RenderPanel(TwoOfFive());

        Assert.Empty(cut.FindAll("[role=progressbar]"));
        Assert.Contains("Known to your IdP, not members (5)", cut.Find("[data-testid=not-members]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["erin@acme.test", "frank@acme.test"], cut.FindAll("[data-person]").Select(r => r.GetAttribute("data-person")));
        Assert.Contains("Not provisioned", cut.Find("[data-person='erin@acme.test']").TextContent, StringComparison.Ordinal);
        Assert.Contains("And 3 more.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadedEmpty_ShowsNothing()
    {
        var cut = RenderPanel(new AssignedButNotMembers([], 0));

        Assert.Empty(cut.FindAll("[role=progressbar]"));
        Assert.Empty(cut.FindAll("[data-testid=not-members]"));
    }
}
