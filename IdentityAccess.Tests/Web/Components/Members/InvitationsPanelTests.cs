using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Tests.Web.Components.Members;

/// <summary>Pending invitations on the members page: the panel, and the invited person's row in the member table.</summary>
public sealed class InvitationsPanelTests : ComponentTest
{
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private const string Link = "http://portal.test/invitations/abc";

    private static readonly PendingInvitation _unsent = new(Guid.NewGuid(), Guid.NewGuid(), "nina@initech.test", "Nina Newman", Role.User, SeatTier.Standard,
        _now.AddDays(6).AddHours(2), _now.AddDays(-1), 1, new InvitationDelivery(null, 0, null, Link));

    private static readonly PendingInvitation _sent = new(Guid.NewGuid(), Guid.NewGuid(), "olga@elsewhere.test", "Olga", Role.Admin, SeatTier.Premium,
        _now.AddHours(3), _now.AddDays(-7), 2, new InvitationDelivery(_now.AddDays(-1), 1, null, null));

    private readonly List<(string Action, PendingInvitation Invitation)> _raised = [];

    private IRenderedComponent<InvitationsPanel> RenderPanel(params PendingInvitation[] invitations) => Render<InvitationsPanel>(p => p
        .Add(c => c.Invitations, invitations)
        .Add(c => c.Now, _now)
        .Add(c => c.OnResend, i => _raised.Add(("resend", i)))
        .Add(c => c.OnRevoke, i => _raised.Add(("revoke", i))));

    [Fact]
    public void Render_EachInvitation_WhoAsWhatUntilWhenAndWhereItsEmailIs()
    {
        var cut = RenderPanel(_unsent, _sent);

        var rows = cut.FindAll("[data-testid=invitations-panel] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Nina Newman", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("User, Standard", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Expires in 6 days", rows[0].QuerySelector("[data-testid=invitation-expiry]")!.TextContent);
        Assert.Contains("in the outbox", rows[0].QuerySelector("[data-testid=invitation-delivery]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Link, rows[0].QuerySelector("[data-testid=invitation-link]")!.TextContent);
        Assert.Equal("Expires in 3 hours", rows[1].QuerySelector("[data-testid=invitation-expiry]")!.TextContent);
        Assert.Contains("Sent 2 times", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Emailed 2026-11-22 12:00 UTC", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Null(rows[1].QuerySelector("[data-testid=invitation-link]")); // once sent, the link is no longer kept
    }

    [Fact]
    public void Render_NoInvitations_NothingShown()
    {
        Assert.Empty(RenderPanel().FindAll("[data-testid=invitations-panel]"));
    }

    [Fact]
    public void ResendAndRevoke_Clicked_RaiseTheirInvitation()
    {
        var cut = RenderPanel(_unsent, _sent);

        cut.FindAll("[data-testid=invitation-resend]")[1].Click();
        cut.FindAll("[data-testid=invitation-revoke]")[0].Click();

        Assert.Equal([("resend", _sent), ("revoke", _unsent)], _raised);
    }

    [Fact]
    public void MemberTable_InvitedRow_ShowsTheExpiryAndResendRevokeInsteadOfTheMemberMenu()
    {
        var invited = new MemberListItem(_unsent.MembershipId, Guid.NewGuid(), "Nina Newman", "nina@initech.test", Role.User, SeatTier.Standard,
            MembershipStatus.Invited, MembershipSource.Manual, _now);
        var active = new MemberListItem(Guid.NewGuid(), Guid.NewGuid(), "Carol Chen", "carol@acme.test", Role.User, SeatTier.Standard,
            MembershipStatus.Active, MembershipSource.Manual, _now);
        var cut = Render<MemberTable>(p => p
            .Add(c => c.OrganizationId, Guid.NewGuid())
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new MemberPage([invited, active], 2)))
            .Add(c => c.InvitationOf, id => id == _unsent.MembershipId ? _unsent : null)
            .Add(c => c.Now, _now)
            .Add(c => c.OnChangeRole, _ => { })
            .Add(c => c.OnRemove, _ => { })
            .Add(c => c.OnRevokeInvitation, i => _raised.Add(("revoke", i))));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        var (nina, carol) = (cut.FindAll("tbody tr")[0], cut.FindAll("tbody tr")[1]);
        Assert.Equal("Invited", nina.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Equal("Expires in 6 days", nina.QuerySelector("[data-testid=member-invitation-expiry]")!.TextContent.Trim());
        Assert.Null(nina.QuerySelector("[data-testid=member-actions]"));
        Assert.NotNull(carol.QuerySelector("[data-testid=member-actions]"));
        Assert.Null(carol.QuerySelector("[data-testid=invitation-actions]"));
        nina.QuerySelector("[data-testid=invitation-revoke]")!.Click();
        Assert.Equal([("revoke", _unsent)], _raised);
    }

    [Theory]
    [InlineData(7 * 24 * 60 - 1, "Expires in 7 days")]
    [InlineData(6 * 24 * 60 + 120, "Expires in 6 days")]
    [InlineData(23 * 60 + 40, "Expires in 1 day")]
    [InlineData(3 * 60, "Expires in 3 hours")]
    [InlineData(59, "Expires in 59 minutes")]
    [InlineData(0, "Expired")]
    public void Expiry_RoundedToTheNearestUnit(int minutesLeft, string words)
    {
        Assert.Equal(words, InvitationLabels.Expiry(Localizers.Portal(), _now.AddMinutes(minutesLeft), _now));
    }

    [Theory]
    [InlineData(7 * 24, "7 days")]
    [InlineData(1, "1 hour")]
    [InlineData(36, "36 hours")]
    public void Lifetime_InWords(int hours, string words)
    {
        Assert.Equal(words, InvitationLabels.Lifetime(Localizers.Portal(), TimeSpan.FromHours(hours)));
    }
}
