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

    private static AssignedButNotMembers Only(string email, int count, NotMembersQuery query)
    {
        var outcomes = ProvisioningScenario.Chat().DirectoryUser(email).Evaluate().Outcomes;
        return new AssignedButNotMembers([.. outcomes], count) { Query = query };
    }

    /// <summary>The panel with a server that answers every query with <paramref name="answer"/>, recording what was asked.</summary>
    private IRenderedComponent<NotMembersPanel> RenderSearchable(AssignedButNotMembers list, Func<NotMembersQuery, AssignedButNotMembers?> answer, List<NotMembersQuery> asked) =>
        Render<NotMembersPanel>(p => p.Add(c => c.OrganizationId, Guid.NewGuid()).Add(c => c.List, list)
            .Add(c => c.Load, (query, _) =>
            {
                asked.Add(query);
                return Task.FromResult(answer(query));
            }));

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

    /// <summary>MudTextField puts its test id on the input itself in some versions and on its wrapper in others.</summary>
    private static AngleSharp.Dom.IElement SearchBox(IRenderedComponent<NotMembersPanel> cut) =>
        cut.Find("[data-testid=not-members-search]") is { TagName: "INPUT" } input ? input : cut.Find("[data-testid=not-members-search] input");

    [Fact]
    public void Search_AsksTheServerForTheText_AndSaysInTheLanguageWhenNothingMatches()
    {
        using var language = Localizers.UiCulture("pt-BR");
        var asked = new List<NotMembersQuery>();
        var cut = RenderSearchable(TwoOfFive(), query => new AssignedButNotMembers([], 0) { Query = query }, asked);

        SearchBox(cut).Input("  nobody ");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=not-members-no-match]")), TimeSpan.FromSeconds(10));
        Assert.Equal(("nobody", 0), (Assert.Single(asked).Search, asked[0].Skip));
        Assert.Equal("Ninguém conhecido pelo seu IdP e que não é membro corresponde a “nobody”.", cut.Find("[data-testid=not-members-no-match]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-person]"));
    }

    [Fact]
    public void Search_ShowsTheMatches_ThenClearingItShowsEveryoneAgainWithoutAskingTheServer()
    {
        var asked = new List<NotMembersQuery>();
        var cut = RenderSearchable(TwoOfFive(), query => Only("frank@acme.test", 1, query), asked);

        SearchBox(cut).Input("frank");
        cut.WaitForAssertion(() => Assert.Equal(["frank@acme.test"], cut.FindAll("[data-person]").Select(r => r.GetAttribute("data-person"))),
            TimeSpan.FromSeconds(10));

        SearchBox(cut).Input("");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-person]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(["frank"], asked.Select(q => q.Search)); // the first page of everyone is the page's own list
    }

    [Fact]
    public void Next_AsksForTheNextPage_ThenPreviousComesBack()
    {
        var asked = new List<NotMembersQuery>();
        var first = TwoOfFive() with { Count = 120 };
        var cut = RenderSearchable(first, query => Only("zz@acme.test", 120, query), asked);
        Assert.Contains("1–50 of 120", cut.Find("[data-testid=not-members-range]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=not-members-previous]").HasAttribute("disabled"));

        cut.Find("[data-testid=not-members-next]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["zz@acme.test"], cut.FindAll("[data-person]").Select(r => r.GetAttribute("data-person"))));
        Assert.Equal(50, Assert.Single(asked).Skip);
        Assert.Contains("51–100 of 120", cut.Find("[data-testid=not-members-range]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=not-members-previous]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-person]").Count));
    }
}
