using Bunit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;

namespace IdentityAccess.Tests.Web.Components.Members;

public sealed class MemberTableTests : ComponentTest
{
    private static readonly Guid _org = Guid.NewGuid();
    private readonly List<MemberQuery> _queries = [];

    private static readonly MemberListItem[] _members =
    [
        new(Guid.NewGuid(), Guid.NewGuid(), "Alice Anders", "alice@acme.test", Role.Owner, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Manual, DateTimeOffset.UnixEpoch),
        new(Guid.NewGuid(), Guid.NewGuid(), "Pat Pending", "pat@acme.test", Role.User, SeatTier.Standard, MembershipStatus.PendingSeat, MembershipSource.Scim, DateTimeOffset.UnixEpoch),
    ];

    private Task<MemberPage> Load(MemberQuery query, CancellationToken cancellationToken)
    {
        _queries.Add(query);
        var matching = _members.Where(m => query.Search is null || m.Email.Contains(query.Search, StringComparison.OrdinalIgnoreCase)).ToList();
        return Task.FromResult(new MemberPage(matching, matching.Count));
    }

    [Fact]
    public void Render_LoadsFirstPage_ShowsRowsWithRoleTierStatusAndSource()
    {
        var cut = Render<MemberTable>(p => p.Add(c => c.OrganizationId, _org).Add(c => c.LoadPage, Load));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        var pending = cut.FindAll("tbody tr")[1].TextContent;
        Assert.Contains("Pat Pending", pending);
        Assert.Contains("Standard", pending);
        Assert.Contains("Pending a seat", pending);
        Assert.Contains("SCIM sync", pending);
        Assert.Equal(new MemberQuery(null, 0, 25, MemberSort.Name, false), _queries[0]);
    }

    [Fact]
    public void ConsoleOrganization_NoSeatTierColumn_NorADashForIt_OnAnyRow()
    {
        MemberListItem[] developers =
        [
            new(Guid.NewGuid(), Guid.NewGuid(), "Oscar Admin", "oscar@acme.test", Role.Admin, null, MembershipStatus.Active, MembershipSource.Manual, DateTimeOffset.UnixEpoch),
            new(Guid.NewGuid(), Guid.NewGuid(), "Dev Eloper", "dev@acme.test", Role.Developer, null, MembershipStatus.Active, MembershipSource.Jit, DateTimeOffset.UnixEpoch),
        ];
        var cut = Render<MemberTable>(p => p.Add(c => c.OrganizationId, _org).Add(c => c.ShowsSeatTier, false)
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new MemberPage(developers, developers.Length))));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.Empty(cut.FindAll("[data-testid=member-seat-tier-header], [data-testid=member-seat-tier], td[data-label='Seat tier']"));
        Assert.DoesNotContain("Seat tier", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("—", cut.Find("tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Equal(cut.FindAll("thead th").Count, cut.FindAll("tbody tr")[0].QuerySelectorAll("td").Length);
    }

    [Fact]
    public void ChatOrganization_KeepsItsSeatTierColumn()
    {
        var cut = Render<MemberTable>(p => p.Add(c => c.OrganizationId, _org).Add(c => c.LoadPage, Load));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.Single(cut.FindAll("[data-testid=member-seat-tier-header]"));
        Assert.Equal(["Premium", "Standard"], cut.FindAll("[data-testid=member-seat-tier]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void SuspendedByTheIdp_ShowsWhenTheGracePeriodRemovesThem()
    {
        MemberListItem[] members =
        [
            new(Guid.NewGuid(), Guid.NewGuid(), "Sam Suspended", "sam@acme.test", Role.User, SeatTier.Standard, MembershipStatus.Suspended, MembershipSource.Scim,
                DateTimeOffset.UnixEpoch) { IdpDeactivatedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), RemovalGraceDays = 30 },
            _members[0] with { IdpDeactivatedAt = DateTimeOffset.UnixEpoch, RemovalGraceDays = 30 }, // active again: no removal date
        ];
        var cut = Render<MemberTable>(p => p.Add(c => c.OrganizationId, _org)
            .Add(c => c.LoadPage, (_, _) => Task.FromResult(new MemberPage(members, members.Length))));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.Equal("Suspended by your IdP — removed on 2026-12-31", Assert.Single(cut.FindAll("[data-testid=member-removal-due]")).TextContent.Trim());
    }

    [Fact]
    public void Search_Typed_ReloadsFromServerWithTheTerm()
    {
        var cut = Render<MemberTable>(p => p.Add(c => c.OrganizationId, _org).Add(c => c.LoadPage, Load));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));

        cut.Find("input[aria-label='Search members by name or email']").Input("alice");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tbody tr")), TimeSpan.FromSeconds(5));
        Assert.Equal("alice", _queries[^1].Search);
    }

    [Fact]
    public void Search_NoMatch_SaysSo()
    {
        var cut = Render<MemberTable>(p => p.Add(c => c.OrganizationId, _org).Add(c => c.LoadPage, Load));

        cut.Find("input[aria-label='Search members by name or email']").Input("nobody");

        cut.WaitForAssertion(() => Assert.Contains("No member matches \"nobody\"", cut.Markup), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void NameCell_LinksToTheMemberPageOfThisOrganization()
    {
        var cut = Render<MemberTable>(p => p.Add(c => c.OrganizationId, _org).Add(c => c.LoadPage, Load));

        cut.WaitForAssertion(() => Assert.Equal($"/orgs/{_org}/members/{_members[0].MembershipId}", cut.Find("tbody tr a").GetAttribute("href")));
    }
}
