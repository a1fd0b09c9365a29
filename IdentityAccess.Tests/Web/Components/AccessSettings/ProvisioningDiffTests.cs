using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class ProvisioningDiffTests : ComponentTest
{
    private const string Owner = "owner@acme.test";

    private static ProvisioningPreview PreviewOf(ProvisioningScenario scenario)
    {
        var plan = scenario.Evaluate();
        return new ProvisioningPreview(plan, scenario.Guard(Owner), ProvisioningChangeGuard.AffectedOthers(plan, ProvisioningScenario.IdOf(Owner)));
    }

    private static ProvisioningScenario RemovesOneAddsOne() =>
        ProvisioningScenario.Chat(currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("owners", Role.Owner).MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, source: MembershipSource.Scim, directory: DirectoryPresence.Active, groups: "owners")
            .Member("gone@acme.test", Role.User, SeatTier.Standard, source: MembershipSource.Scim)
            .DirectoryUser("new@acme.test", groups: "staff");

    [Fact]
    public void Render_Changes_CountsAndNamesEachGroupRemovalsFirst()
    {
        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, PreviewOf(RemovesOneAddsOne())));

        Assert.Equal(["Deprovision", "Provision"], cut.FindAll("[data-change]").Select(e => e.GetAttribute("data-change")));
        Assert.Equal("1", cut.Find("[data-testid=diff-count-Deprovision]").TextContent);
        Assert.Contains("User, Standard → not a member", cut.Find("[data-person='gone@acme.test']").TextContent);
    }

    [Fact]
    public void Render_OthersHarmed_AsksForTheNumberAndConfirmsOnlyWhenTyped()
    {
        var preview = PreviewOf(RemovesOneAddsOne());

        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, preview));

        Assert.Contains("Type 1 to confirm", cut.Find("[data-testid=provisioning-diff]").TextContent);
        Assert.False(ProvisioningDiff.IsConfirmed(preview, null));
        Assert.False(ProvisioningDiff.IsConfirmed(preview, "2"));
        Assert.True(ProvisioningDiff.IsConfirmed(preview, " 1 "));
    }

    [Theory]
    [InlineData("2", 0)]
    [InlineData("1", 1)]
    public void Enter_InTheTypedConfirmation_ConfirmsOnlyOnceTheNumberMatches(string typed, int confirmations)
    {
        var confirmed = 0;
        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, PreviewOf(RemovesOneAddsOne())).Add(c => c.Typed, typed)
            .Add(c => c.OnConfirmed, () => confirmed++));

        cut.Find("[data-testid=typed-confirmation] input, input[data-testid=typed-confirmation]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(confirmations, confirmed);
    }

    [Fact]
    public void Render_Refused_ShowsTheFixAndCannotBeConfirmed()
    {
        var preview = PreviewOf(ProvisioningScenario.Chat().Mode(ProvisioningMode.Scim, mappings: true)
            .MapRole("staff", Role.User)
            .Member(Owner, Role.Owner, SeatTier.Premium, directory: DirectoryPresence.Active, groups: "staff"));

        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, preview));

        Assert.Contains(cut.FindAll("[data-testid=save-refusal]"), e => e.TextContent.Contains("Add yourself to a group mapped to Owner first", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=typed-confirmation]"));
        Assert.False(ProvisioningDiff.IsConfirmed(preview, "1"));
    }

    [Fact]
    public void Filter_Typed_ShowsOnlyMatchingPeople()
    {
        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, PreviewOf(RemovesOneAddsOne())));

        cut.Find("input[aria-label='Find a person in the changes']").Input("new@");

        cut.WaitForAssertion(() => Assert.Equal(["new@acme.test"], cut.FindAll("[data-person]").Select(e => e.GetAttribute("data-person"))));
    }

    [Fact]
    public void Render_NoChanges_SaysSo()
    {
        var preview = PreviewOf(ProvisioningScenario.Chat().Member(Owner, Role.Owner, SeatTier.Premium));

        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, preview));

        Assert.Contains("Nobody's membership changes", cut.Find("[data-testid=diff-no-changes]").TextContent);
    }

    private static ProvisioningPreview ManyNewcomers(int count)
    {
        // Added in reverse text order, so that neither arrival nor text order can pass for the order a person reads.
        var scenario = ProvisioningScenario.Chat(premium: count + 10, currentMode: ProvisioningMode.Scim).Mode(ProvisioningMode.Scim)
            .Member(Owner, Role.Owner, SeatTier.Premium);
        foreach (var i in Enumerable.Range(1, count).OrderByDescending(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal))
        {
            scenario.DirectoryUser($"temp{i}@acme.test");
        }

        return PreviewOf(scenario);
    }

    private static List<string?> PeopleShown(IRenderedComponent<ProvisioningDiff> cut) =>
        [.. cut.FindAll("[data-change=Provision] [data-person]").Select(row => row.GetAttribute("data-person"))];

    [Fact]
    public void Render_ThousandsOfChanges_NaturalOrder_PagedWithWhatIsLeftAndShowMore()
    {
        // 450 newcomers: rows by name as read (temp2 before temp10), 200 at a time, and the rest said, not dropped.
        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, ManyNewcomers(450)));

        Assert.Equal("450", cut.Find("[data-testid=diff-count-Provision]").TextContent);
        var shown = PeopleShown(cut);
        Assert.Equal(200, shown.Count);
        Assert.Equal(["temp1@acme.test", "temp2@acme.test", "temp3@acme.test"], shown.Take(3));
        Assert.Equal("temp200@acme.test", shown[^1]);
        Assert.Contains("and 250 more not shown", cut.Find("[data-testid=diff-more-Provision]").TextContent);

        cut.Find("[data-testid=diff-show-more-Provision]").Click();
        Assert.Equal(400, PeopleShown(cut).Count);
        Assert.Contains("and 50 more not shown", cut.Find("[data-testid=diff-more-Provision]").TextContent);
        Assert.Equal("Show 50 more", cut.Find("[data-testid=diff-show-more-Provision]").TextContent.Trim());

        cut.Find("[data-testid=diff-show-more-Provision]").Click();
        Assert.Equal(450, PeopleShown(cut).Count);
        Assert.Empty(cut.FindAll("[data-testid=diff-more-Provision]"));
    }

    [Fact]
    public void Filter_InALargeGroup_OpensIt_CountsTheMatches_InNaturalOrder()
    {
        var cut = Render<ProvisioningDiff>(p => p.Add(c => c.Preview, ManyNewcomers(450)));

        Assert.DoesNotContain("mud-panel-expanded", cut.Find("[data-change=Provision]").ClassName, StringComparison.Ordinal); // 450: closed

        cut.Find("input[aria-label='Find a person in the changes']").Input("temp1");

        // temp1, temp10–19, temp100–199: 111 people, the group opened for them, numbers by value.
        Assert.Equal("111 matches", cut.Find("[data-testid=diff-matches-Provision]").TextContent.Trim(' ', '·'));
        Assert.Contains("mud-panel-expanded", cut.Find("[data-change=Provision]").ClassName, StringComparison.Ordinal);
        Assert.Equal(["temp1@acme.test", "temp10@acme.test", "temp11@acme.test"], PeopleShown(cut).Take(3));
        Assert.Equal("temp199@acme.test", PeopleShown(cut)[^1]);

        cut.Find("input[aria-label='Find a person in the changes']").Input("nobody-here");
        Assert.Contains("Nobody in this review matches “nobody-here”.", cut.Find("[data-testid=diff-no-match]").TextContent);
    }
}
