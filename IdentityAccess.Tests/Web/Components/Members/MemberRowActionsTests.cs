using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Members;

public sealed class MemberRowActionsTests : ComponentTest
{
    private static readonly MemberListItem[] _members =
    [
        new(Guid.NewGuid(), Guid.NewGuid(), "Alice Anders", "alice@acme.test", Role.Owner, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Manual, DateTimeOffset.UnixEpoch),
        new(Guid.NewGuid(), Guid.NewGuid(), "Carol Chen", "carol@acme.test", Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim, DateTimeOffset.UnixEpoch),
    ];

    private readonly List<(string Action, MemberListItem Member)> _raised = [];

    private static Task<MemberPage> Load(MemberQuery query, CancellationToken cancellationToken) => Task.FromResult(new MemberPage(_members, _members.Length));

    private IRenderedComponent<MemberTable> RenderTable(bool withActions = true) => Render<MemberTable>(p =>
    {
        p.Add(c => c.OrganizationId, Guid.NewGuid()).Add(c => c.LoadPage, Load);
        if (withActions)
        {
            p.Add(c => c.OnChangeRole, m => _raised.Add(("change", m))).Add(c => c.OnRemove, m => _raised.Add(("remove", m)));
        }
    });

    [Fact]
    public void Table_WithHandlers_EachRowHasAnActionsMenuNamingThePerson()
    {
        var cut = RenderTable();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.NotNull(cut.Find("button[aria-label='Actions for Alice Anders']"));
        Assert.NotNull(cut.Find("button[aria-label='Actions for Carol Chen']"));
    }

    [Fact]
    public void Table_WithoutHandlers_HasNoActions()
    {
        var cut = RenderTable(withActions: false);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.Empty(cut.FindAll("[data-testid=member-actions]"));
    }

    [Theory]
    [InlineData("member-change-role", "change")]
    [InlineData("member-remove", "remove")]
    public void MenuItem_Clicked_RaisesThatActionWithThatRow(string item, string action)
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = RenderTable();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));

        cut.Find("button[aria-label='Actions for Carol Chen']").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll($"[data-testid={item}]")));
        popovers.Find($"[data-testid={item}]").Click();

        // MudMenu closes itself before it runs the item's handler.
        cut.WaitForAssertion(() => Assert.Equal((action, _members[1]), Assert.Single(_raised)));
    }
}
