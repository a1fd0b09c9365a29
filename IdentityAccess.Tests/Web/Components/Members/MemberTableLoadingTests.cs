using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Tests.Web.Components.Members;

/// <summary>The members table pages on the server; while a page is on its way a labelled progress bar shows, not "No members yet".</summary>
public sealed class MemberTableLoadingTests : ComponentTest
{
    private static readonly MemberListItem _alice =
        new(Guid.NewGuid(), Guid.NewGuid(), "Alice Anders", "alice@acme.test", Role.Owner, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Manual, DateTimeOffset.UnixEpoch);

    private readonly TaskCompletionSource<MemberPage> _page = new();

    private IRenderedComponent<MemberTable> RenderTable() =>
        Render<MemberTable>(p => p.Add(c => c.OrganizationId, Guid.NewGuid()).Add(c => c.LoadPage, (_, _) => _page.Task));

    [Fact]
    public void FirstPage_OnItsWay_ShowsALabelledProgressBar_NotNoMembers()
    {
        var cut = RenderTable();

        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(cut.Find("[role=progressbar]").GetAttribute("aria-label"))));
        Assert.DoesNotContain("No members yet.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstPage_Arrived_RowsReplaceTheProgressBar()
    {
        var cut = RenderTable();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[role=progressbar]")));

        _page.SetResult(new MemberPage([_alice], 1));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr")));
        Assert.Contains("Alice Anders", cut.Find("tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role=progressbar]"));
    }

    [Fact]
    public void FirstPage_ArrivedEmpty_SaysNoMembersYet()
    {
        var cut = RenderTable();

        _page.SetResult(new MemberPage([], 0));

        cut.WaitForAssertion(() => Assert.Contains("No members yet.", cut.Markup, StringComparison.Ordinal));
    }
}
