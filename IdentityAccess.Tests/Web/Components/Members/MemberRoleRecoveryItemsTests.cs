using Bunit;
using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.Members;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IdentityAccess.Tests.Web.Components.Members;

/// <summary>The member menu offers "Restore previous role" and "Clear override" only to a member who has one; the role shows "Kept by hand".</summary>
// The items inject MemberAdministration; it is never called here (nothing is clicked through to the dialog).
public sealed class MemberRoleRecoveryItemsTests() : ComponentTest(services =>
    services.AddSingleton(new MemberAdministration(new GuardedWrites(null!), new AuditLog(TimeProvider.System), TimeProvider.System)))
{
    private static readonly MemberListItem _plain =
        new(Guid.NewGuid(), Guid.NewGuid(), "Carol Chen", "carol@acme.test", Role.User, SeatTier.Standard, MembershipStatus.Active, MembershipSource.Scim, DateTimeOffset.UnixEpoch);

    private static readonly MemberListItem _demoted = _plain with { DisplayName = "Alice Anders", Email = "alice@acme.test", RoleBeforeSync = Role.Owner };

    private static readonly MemberListItem _kept = _plain with
    {
        DisplayName = "Bob Brown",
        Email = "bob@acme.test",
        Role = Role.Admin,
        RoleOverride = Role.Admin,
        RoleOverrideSetBy = "Alice Anders",
        RoleOverrideSetAt = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData("plain", false, false)]
    [InlineData("demoted", true, false)]
    [InlineData("kept", false, true)]
    public void Menu_OffersRestoreAndClearOnlyWhereThereIsOne(string which, bool restore, bool clear)
    {
        var member = which switch { "demoted" => _demoted, "kept" => _kept, _ => _plain };
        var popovers = Render<MudPopoverProvider>();
        var menu = Render<MemberActionsMenu>(p => p.Add(c => c.Member, member).Add(c => c.OrganizationId, Guid.NewGuid()).Add(c => c.OnChanged, () => { }));

        menu.Find($"button[aria-label='Actions for {member.DisplayName}']").Click();

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=member-change-role]")));
        Assert.Equal(restore, popovers.FindAll("[data-testid=member-restore-role]").Count == 1);
        Assert.Equal(clear, popovers.FindAll("[data-testid=member-clear-override]").Count == 1);
        if (restore)
        {
            Assert.Contains("Restore previous role (Owner)", popovers.Find("[data-testid=member-restore-role]").TextContent);
        }
    }

    [Fact]
    public void Chip_ShowsForAnOverrideWithWhoAndWhen()
    {
        Assert.Empty(Render<RoleOverrideChip>(p => p.Add(c => c.Member, _plain)).Markup.Trim());

        var chip = Render<RoleOverrideChip>(p => p.Add(c => c.Member, _kept)).Find("[data-testid=role-override-chip]");

        Assert.Equal("Kept by hand", chip.TextContent.Trim());
        Assert.Equal("Admin set by hand by Alice Anders on 2026-12-04. Sync keeps it until the IdP grants the same role or the override is cleared.",
            chip.GetAttribute("aria-label"));
    }
}
