using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.DirectoryObjects;
using IdentityAccess.Core.GroupMappings;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityAccess.Tests.Core.Provisioning;

/// <summary>Preview and save against a real database holding the seeded demo (Acme's IdP directory included).</summary>
public abstract class ProvisioningSettingsServiceTests : IAsyncLifetime
{
    private readonly PortalFixture _portal;
    private const string Owners = "6f1c2a9e-0001-4c1e-9a10-acme00000001";
    private const string Admins = "6f1c2a9e-0002-4c1e-9a10-acme00000002";
    private const string Users = "6f1c2a9e-0003-4c1e-9a10-acme00000003";
    private const string Premium = "6f1c2a9e-0004-4c1e-9a10-acme00000004";

    protected ProvisioningSettingsServiceTests(PortalFixture portal) => _portal = portal;

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private ProvisioningSettingsService Service => _portal.Factory.Services.GetRequiredService<ProvisioningSettingsService>();

    private Guid Alice => _portal.Demo.Person("alice@acme.test");

    private static AuditActor Actor => new(null, "test");

    private static ProvisioningDraft ScimWithMappings(params RoleMapping[] roles) =>
        new(ProvisioningMode.Scim, true, roles, [new TierMapping(Premium, SeatTier.Premium)], null, 1);

    [Fact]
    public async Task Save_ScimWithFullMappings_ProvisionsAssignedPeopleWithMappedRolesAndTiers()
    {
        var draft = ScimWithMappings(new(Owners, Role.Owner), new(Admins, Role.Admin), new(Users, Role.User));

        var result = await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, null);

        Assert.Empty(result.Errors);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var members = await db.Memberships.Where(m => m.OrganizationId == _portal.Demo.AcmeChat).Include(m => m.Person).ToDictionaryAsync(m => m.Person!.Email);
        Assert.Equal((Role.User, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Scim), Of(members["gina@acme.test"]));
        Assert.Equal((Role.Owner, SeatTier.Premium, MembershipStatus.Active, MembershipSource.Scim), Of(members["alice@acme.test"]));
        Assert.Equal(7, members.Count);
        Assert.Equal(2, await db.People.CountAsync(p => p.Email == "frank@acme.test" || p.Email == "ivan@acme.test")); // linked as people
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.OrganizationId == _portal.Demo.AcmeChat && e.Action == "membership.provisioned"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "provisioning.settings_changed"));
        Assert.Equal(2, (await db.Organizations.SingleAsync(o => o.Id == _portal.Demo.AcmeChat)).SettingsVersion);
    }

    [Fact]
    public async Task Save_OwnerGroupNotMapped_RefusesLockoutAndWritesNothing()
    {
        var result = await Service.SaveAsync(_portal.Demo.AcmeChat, ScimWithMappings(new RoleMapping(Users, Role.User)), Alice, null);

        Assert.Contains(result.Errors, e => e is WouldLockOutActingPerson);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Save_DemotesOthersWithoutTypedConfirmation_AsksForTheNumber()
    {
        var draft = ScimWithMappings(new(Owners, Role.Owner), new(Users, Role.User)); // Bob's admins group is unmapped

        var preview = await Service.PreviewAsync(_portal.Demo.AcmeChat, draft, Alice);
        var refused = await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, null);

        Assert.Equal(1, preview.AffectedOthers);
        Assert.Equal("bob@acme.test", Assert.Single(preview.Plan!.Changed, o => o.Changes.Contains(IdentityAccess.Core.Provisioning.Engine.ChangeKind.Deprovision)).Person.Email);
        Assert.IsType<ConfirmationRequired>(Assert.Single(refused.Errors));
        await AssertNothingWrittenAsync();

        var saved = await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, 1);
        Assert.Empty(saved.Errors);
    }

    [Fact]
    public async Task Save_StaleDraft_RefusedAfterAnotherSave()
    {
        var draft = ProvisioningDraft.Manual() with { Mode = ProvisioningMode.Jit };
        Assert.Empty((await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, null)).Errors);

        var second = await Service.SaveAsync(_portal.Demo.AcmeChat, draft with { Mode = ProvisioningMode.Manual }, Alice, null);

        Assert.IsType<StaleDraft>(Assert.Single(second.Errors));
    }

    [Fact]
    public async Task Save_RoleOfAnotherProduct_RefusedAndNothingWritten()
    {
        var result = await Service.SaveAsync(_portal.Demo.AcmeChat, ScimWithMappings(new(Owners, Role.Owner), new(Users, Role.Developer)), Alice, null);

        Assert.Contains(result.Errors, e => e is ValidationFailed v && v.Message.Contains("Developer", StringComparison.Ordinal));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Save_ByChatAdmin_RefusedAsNotAllowed()
    {
        var result = await Service.SaveAsync(_portal.Demo.AcmeChat, ProvisioningDraft.Manual(), _portal.Demo.Person("bob@acme.test"), null);

        Assert.StartsWith("This is for the organization's Owners. Your role in Acme is Admin.", Assert.IsType<AccessRefused>(Assert.Single(result.Errors)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ListsDirectoryGroupsWithSizesAndTopRoleMembers()
    {
        var view = await Service.GetAsync(_portal.Demo.AcmeChat, Alice);

        Assert.Equal(7, view!.Groups.Count);
        Assert.Equal(5, view.Groups.Single(g => g.Key == Users).MemberCount);
        Assert.Equal(["alice@acme.test"], view.TopRoleMembers.Select(m => m.Email));
        Assert.Equal(8, view.AssignedDirectoryUsers);
    }

    [Fact]
    public async Task GetAssignedButNotMembers_ListsThemByEmailWithTheirReason()
    {
        var notMembers = await Service.GetAssignedButNotMembersAsync(_portal.Demo.AcmeChat, Alice);

        Assert.Equal(["erin@acme.test", "frank@acme.test", "gina@acme.test", "ivan@acme.test"], notMembers!.People.Select(o => o.Person.Email));
        Assert.Contains("added by hand", notMembers.People[0].Reasons[0].Text);
        Assert.Equal(4, notMembers.Count);
    }

    [Fact]
    public async Task GetAssignedButNotMembers_ByChatUser_IsRefused_ChatAdminReadsIt()
    {
        // Admins open Identity and access read-only (ViewIdentityAccess); a User does not.
        Assert.Null(await Service.GetAssignedButNotMembersAsync(_portal.Demo.AcmeChat, _portal.Demo.Person("carol@acme.test")));
        Assert.NotNull(await Service.GetAssignedButNotMembersAsync(_portal.Demo.AcmeChat, _portal.Demo.Person("bob@acme.test")));
    }

    [Fact]
    public async Task GetAssignedButNotMembers_MoreThanAPage_ListsTheFirstPageByEmailAndCountsThemAll()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var parentId = await db.Organizations.Where(o => o.Id == _portal.Demo.AcmeChat).Select(o => o.ParentOrganizationId).SingleAsync();
            db.DirectoryUsers.AddRange(Enumerable.Range(0, 150).Select(i => new DirectoryUser
            {
                ParentOrganizationId = parentId,
                UserName = $"zz{i:D3}@acme.test",
                NormalizedUserName = $"ZZ{i:D3}@ACME.TEST",
                Email = $"zz{i:D3}@acme.test",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        var notMembers = await Service.GetAssignedButNotMembersAsync(_portal.Demo.AcmeChat, Alice);

        Assert.Equal(154, notMembers!.Count);
        Assert.Equal(NotMembersQuery.PageSize, notMembers.People.Count);
        Assert.Equal("erin@acme.test", notMembers.People[0].Person.Email);
        Assert.Equal("zz045@acme.test", notMembers.People[^1].Person.Email);
        Assert.Equal(104, notMembers.After);
        Assert.All(notMembers.People, o => Assert.Contains("added by hand", o.Reasons[0].Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_AfterSave_NamesTheGroupsAndPrecedence()
    {
        var draft = ScimWithMappings(new(Owners, Role.Owner), new(Admins, Role.Admin), new(Users, Role.User), new(Premium, Role.User));
        Assert.Empty((await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, null)).Errors);

        var bob = await Service.ExplainAsync(_portal.Demo.AcmeChat, _portal.Demo.Person("bob@acme.test"), Alice);

        Assert.Equal(Role.Admin, bob!.Outcome.Desired!.Role);
        Assert.Contains(bob.Outcome.Reasons, r => r.Text.Contains("'anthropic-claude-admins' → Admin, 'anthropic-claude-premium' → User; the most permissive wins: Admin", StringComparison.Ordinal));
        Assert.True(bob.Settings.UsesMappings);
    }

    [Fact]
    public async Task HandChange_UnderScimWithMappings_TheRoleIsKeptByHand_TheTierIsSetBack()
    {
        var draft = ScimWithMappings(new(Owners, Role.Owner), new(Admins, Role.Admin), new(Users, Role.User), new(Premium, Role.User));
        Assert.Empty((await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, null)).Errors);
        var bob = await Service.ExplainAsync(_portal.Demo.AcmeChat, _portal.Demo.Person("bob@acme.test"), Alice);
        var tier = bob!.Outcome.Person.Membership!.Tier;
        var otherTier = tier == SeatTier.Premium ? SeatTier.Standard : SeatTier.Premium;

        Assert.Equal(new HandChangeForecast(Role.User, null, AtNextSignIn: false), HandChangeForecast.Of(bob, Role.User, tier));
        Assert.Null(HandChangeForecast.Of(bob, Role.Admin, tier)); // nothing changed
        Assert.Equal(bob.Outcome.Desired!.Tier, HandChangeForecast.Of(bob, Role.Admin, otherTier)!.TierSetBack);
    }

    [Fact]
    public async Task HandChange_ForecastRole_IsWhatChangeRoleThenKeeps_AcrossASync()
    {
        var draft = ScimWithMappings(new(Owners, Role.Owner), new(Admins, Role.Admin), new(Users, Role.User));
        Assert.Empty((await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, null)).Errors);
        var carolId = _portal.Demo.Person("carol@acme.test");
        var forecast = HandChangeForecast.Of(await Service.ExplainAsync(_portal.Demo.AcmeChat, carolId, Alice), Role.Admin, SeatTier.Standard);
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            var carol = await db.Memberships.SingleAsync(m => m.OrganizationId == _portal.Demo.AcmeChat && m.PersonId == carolId);
            Assert.Empty(await _portal.Factory.Services.GetRequiredService<IdentityAccess.Core.Members.MemberAdministration>()
                .ChangeRoleAsync(_portal.Demo.AcmeChat, carol.Id, Role.Admin, carol.SeatTier, Alice));
        }

        await _portal.Factory.Services.GetRequiredService<SyncNowService>().SyncAsync(_portal.Demo.AcmeChat, Alice);

        Assert.Equal(Role.Admin, forecast!.RoleKeptByHand);
        await using var read = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(Role.Admin, (await read.Memberships.SingleAsync(m => m.OrganizationId == _portal.Demo.AcmeChat && m.PersonId == carolId)).Role);
    }

    [Fact]
    public async Task HandChange_InManualMode_Holds()
    {
        var carol = await Service.ExplainAsync(_portal.Demo.AcmeChat, _portal.Demo.Person("carol@acme.test"), Alice);

        Assert.Null(HandChangeForecast.Of(carol, Role.Admin, SeatTier.Premium));
    }

    [Fact]
    public async Task HandChange_OfTheBreakGlassOwner_Holds()
    {
        var draft = ScimWithMappings(new(Owners, Role.Owner), new(Admins, Role.Admin), new(Users, Role.User)) with { BreakGlassPersonId = Alice };
        Assert.Empty((await Service.SaveAsync(_portal.Demo.AcmeChat, draft, Alice, null)).Errors);

        Assert.Null(HandChangeForecast.Of(await Service.ExplainAsync(_portal.Demo.AcmeChat, Alice, Alice), Role.Admin, SeatTier.Premium));
    }

    [Fact]
    public async Task Explain_ByChatUser_Refused()
    {
        Assert.Null(await Service.ExplainAsync(_portal.Demo.AcmeChat, Alice, _portal.Demo.Person("carol@acme.test")));
    }

    private static (Role, SeatTier?, MembershipStatus, MembershipSource) Of(Membership m) => (m.Role, m.SeatTier, m.Status, m.Source);

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, (await db.Organizations.SingleAsync(o => o.Id == _portal.Demo.AcmeChat)).SettingsVersion);
        Assert.Equal(0, await db.GroupMappings.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action.StartsWith("membership.") || e.Action.StartsWith("provisioning.")));
    }
}

public sealed class SqliteProvisioningSettingsServiceTests() : ProvisioningSettingsServiceTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresProvisioningSettingsServiceTests() : ProvisioningSettingsServiceTests(new PostgresPortalFixture());
