using Bunit;
using IdentityAccess.Core.Provisioning.Engine;
using IdentityAccess.Core.Provisioning.Safety;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using IdentityAccess.Web.Components.AccessSettings;
using Microsoft.AspNetCore.Components;

namespace IdentityAccess.Tests.Web.Components.AccessSettings;

public sealed class StagedRemovalsPanelTests : ComponentTest
{
    private static readonly StagedRemovalView[] _two =
    [
        new(Guid.NewGuid(), "frank@acme.test", "Frank Fischer", ChangeKind.Deprovision, "Not assigned to the IdP app: removed by directory sync.", DateTimeOffset.UnixEpoch)
        {
            Asked = "Remove from Acme", Path = "Directory sync (SCIM)",
        },
        new(Guid.NewGuid(), "gina@acme.test", "Gina Gomez", ChangeKind.Demote, "Directory sync: role and tier follow group membership.", DateTimeOffset.UnixEpoch)
        {
            Asked = "Owner → User", Path = "Sync now", FromRole = Role.Owner, ToRole = Role.User,
            Reasons = [OutcomeReason.Of(ReasonCode.GroupRole, "'staff' → User")],
        },
    ];

    [Fact]
    public void Nothing_held_back_renders_nothing() =>
        Assert.Empty(Render<StagedRemovalsPanel>(p => p.Add(c => c.People, [])).Markup.Trim());

    [Fact]
    public void Held_changes_are_listed_with_kind_person_what_was_asked_path_and_since()
    {
        using var language = Localizers.UiCulture("en"); // the time in English order, as an English reader sees it
        var panel = Render<StagedRemovalsPanel>(p => p.Add(c => c.People, _two).Add(c => c.OrganizationName, "Acme"));

        Assert.Contains("2 changes held for your review", panel.Find("[data-testid=staged-removals]").TextContent);
        var frank = panel.Find("tr[data-person='frank@acme.test']").TextContent;
        Assert.Contains("Removal", frank);
        Assert.Contains("Remove from Acme", frank);
        Assert.Contains("Directory sync (SCIM)", frank);
        Assert.Contains(DateTime.UnixEpoch.ToString("g", System.Globalization.CultureInfo.GetCultureInfo("en")) + " UTC", frank); // 1/1/1970 12:00 AM
        var gina = panel.Find("tr[data-person='gina@acme.test']").TextContent;
        Assert.Contains("Demotion", gina);
        Assert.Contains("Owner → User", gina);
        Assert.Contains("Sync now", gina);
    }

    [Fact]
    public void The_buttons_ask_the_page_to_approve_or_reject()
    {
        var (approved, rejected) = (0, 0);
        var panel = Render<StagedRemovalsPanel>(p => p
            .Add(c => c.People, _two)
            .Add(c => c.OrganizationName, "Acme")
            .Add(c => c.OnApprove, EventCallback.Factory.Create(this, () => approved++))
            .Add(c => c.OnReject, EventCallback.Factory.Create(this, () => rejected++)));

        panel.Find("[data-testid=approve-removals]").Click();
        panel.Find("[data-testid=reject-removals]").Click();

        Assert.Equal((1, 1), (approved, rejected));
        Assert.Contains("Apply all 2", panel.Find("[data-testid=approve-removals]").TextContent);
    }

    [Fact]
    public void A_row_staged_before_roles_and_reason_codes_were_kept_shows_its_stored_english()
    {
        using var language = Localizers.UiCulture("pt-BR");
        StagedRemovalView old = new(Guid.NewGuid(), "hal@acme.test", "Hal Hill", ChangeKind.Demote, "Role follows groups.", DateTimeOffset.UnixEpoch)
        {
            Asked = "Admin → User",
            Path = "someone's own words",
            Reasons = StoredReasons.Read(null, "Role follows groups."),
        };

        var row = Render<StagedRemovalsPanel>(p => p.Add(c => c.People, [old]).Add(c => c.OrganizationName, "Acme")).Find("tr[data-person='hal@acme.test']");

        Assert.Contains("Admin → User", row.TextContent);
        Assert.Contains("someone's own words", row.TextContent);
        Assert.Equal("Role follows groups.", row.GetAttribute("title"));
    }
}
