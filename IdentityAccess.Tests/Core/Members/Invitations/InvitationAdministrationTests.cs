using IdentityAccess.Core.Access;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Members.Invitations;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Provisioning;
using IdentityAccess.Core.Roles;
using IdentityAccess.Core.Seats;
using IdentityAccess.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdentityAccess.Tests.Core.Members.Invitations;

/// <summary>Inviting: who may, what is written (a seat held, a hashed link in the outbox, an audit event), and every refusal.</summary>
public abstract class InvitationAdministrationTests(PortalFixture portal) : InvitationTestBase(portal)
{
    [Fact]
    public async Task Invite_NewPersonInManualMode_HoldsASeatAsInvitedWithAHashedLinkInTheOutboxAndAnAuditEvent()
    {
        var errors = await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base);

        Assert.Empty(errors);
        await using var db = await Portal.Factory.CreateDbContextAsync();
        var row = await db.Memberships.Include(m => m.Person).SingleAsync(m => m.OrganizationId == Acme && m.Person!.Email == "nina@initech.test");
        Assert.Equal(("Nina Newman", Role.User, SeatTier.Standard, MembershipStatus.Invited, MembershipSource.Manual),
            (row.Person!.DisplayName, row.Role, row.SeatTier, row.Status, row.Source));
        var invitation = await db.Invitations.SingleAsync();
        var message = await Mailbox.LatestAsync(Portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        var secret = Mailbox.SecretOf(message);
        Assert.Equal((row.Id, InvitationStatus.Pending, 1, Time.GetUtcNow().AddDays(7)),
            (invitation.MembershipId, invitation.Status, invitation.SendCount, invitation.ExpiresAt));
        Assert.Equal(LinkSecret.Hash(secret), invitation.TokenHash);
        Assert.DoesNotContain(secret, invitation.TokenHash, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/invitations/{secret}", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(("Alice Anders invited you to Acme", Acme), (message.Subject, message.OrganizationId!.Value));
        Assert.Null(message.SentAt);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "membership.invited");
        Assert.Equal(("Alice Anders", "nina@initech.test", Acme), (audit.Actor, audit.Target, audit.OrganizationId!.Value));
        var usage = await Portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(Acme);
        Assert.Equal(3, usage.Single(u => u.Tier == SeatTier.Standard).Used); // Carol, Dave and the invitation
    }

    [Fact]
    public async Task Invite_OrganizationInDirectorySyncMode_StillInvitesSomeoneTheIdpDoesNotManage()
    {
        await using (var db = await Portal.Factory.CreateDbContextAsync())
        {
            await db.Organizations.Where(o => o.Id == Acme).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProvisioningMode, ProvisioningMode.Scim));
        }

        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
    }

    [Fact]
    public async Task Invite_ChatAdminInvitesAUser_Allowed()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("bob@acme.test"), Base));
    }

    [Fact]
    public async Task Invite_RemovedMember_ReusesTheirRowAsInvited()
    {
        var dave = await MembershipIdAsync(Acme, "dave@acme.test");
        Assert.Empty(await Portal.Factory.Services.GetRequiredService<MemberAdministration>().RemoveAsync(Acme, dave, Person("alice@acme.test")));

        Assert.Empty(await Service.InviteAsync(Acme, new NewMember("dave@acme.test", "Dave", Role.User, SeatTier.Standard), Person("alice@acme.test"), Base));

        await using var db = await Portal.Factory.CreateDbContextAsync();
        var row = await db.Memberships.SingleAsync(m => m.OrganizationId == Acme && m.PersonId == Person("dave@acme.test"));
        Assert.Equal((dave, MembershipStatus.Invited), (row.Id, row.Status));
    }

    [Theory]
    [InlineData("carol@acme.test")]   // a chat User of Acme
    [InlineData("oscar@acme.test")]   // the Admin of a sibling organization (Acme Labs)
    [InlineData("grace@globex.test")] // the Owner of another parent's organization
    public async Task Invite_WithoutManageMembers_RefusedAndNothingWritten(string actingEmail)
    {
        var errors = await Service.InviteAsync(Acme, Nina(), Person(actingEmail), Base);

        Assert.IsType<AccessRefused>(Assert.Single(errors));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Invite_ConsoleDeveloper_RefusedAndNothingWritten()
    {
        var errors = await Service.InviteAsync(Portal.Demo.AcmeConsole, Nina(Role.Developer, null), Person("erin@acme.test"), Base);

        Assert.IsType<AccessRefused>(Assert.Single(errors));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Invite_ChatAdminInvitesAnOwner_RefusedAndNothingWritten()
    {
        var errors = await Service.InviteAsync(Acme, Nina(Role.Owner, SeatTier.Premium), Person("bob@acme.test"), Base);

        Assert.IsType<OnlyTopRoleChangesTopRole>(Assert.Single(errors));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Invite_OwnerInvitesAnOwner_Allowed()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(Role.Owner, SeatTier.Premium), Person("alice@acme.test"), Base));
    }

    [Fact]
    public async Task Invite_NoFreeSeatInTier_RefusedWithoutEvictingAnyone()
    {
        var grace = Person("grace@globex.test");
        Assert.Empty(await Service.InviteAsync(Portal.Demo.GlobexTeam, new NewMember("ivy@elsewhere.test", "Ivy", Role.User, SeatTier.Premium), grace, Base));

        var errors = await Service.InviteAsync(Portal.Demo.GlobexTeam, new NewMember("jon@elsewhere.test", "Jon", Role.User, SeatTier.Premium), grace, Base);

        Assert.IsType<NoFreeSeat>(Assert.Single(errors));
        await using var db = await Portal.Factory.CreateDbContextAsync();
        Assert.False(await db.People.AnyAsync(p => p.NormalizedEmail == "JON@ELSEWHERE.TEST"));
        Assert.Equal(1, await db.Invitations.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Theory]
    [InlineData("carol@acme.test", "carol@acme.test is already a member of Acme.")]
    [InlineData("nina@initech.test", "nina@initech.test is already invited to Acme. Resend the invitation instead.")]
    public async Task Invite_AlreadyListedOrInvited_RefusedAsConflict(string email, string message)
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));

        var errors = await Service.InviteAsync(Acme, new NewMember(email, "Someone", Role.User, SeatTier.Standard), Person("alice@acme.test"), Base);

        Assert.Equal(message, Assert.IsType<AlreadyListed>(Assert.Single(errors)).Message);
        await using var db = await Portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Invitations.CountAsync());
    }

    [Fact]
    public async Task Invite_NotAnEmail_RefusedOnTheField()
    {
        var errors = await Service.InviteAsync(Acme, new NewMember("Nina <nina@initech.test>", "Nina", Role.User, SeatTier.Standard), Person("alice@acme.test"), Base);

        Assert.Equal("email", Assert.IsType<ValidationFailed>(Assert.Single(errors)).Field);
        await AssertNothingWrittenAsync();
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = await Portal.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action.StartsWith("membership.")));
        Assert.Equal(10, await db.Memberships.CountAsync()); // the demo seed's
        Assert.Equal(Portal.Demo.PeopleByEmail.Count, await db.People.CountAsync());
        Assert.Equal(0, await db.Invitations.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }
}

public sealed class SqliteInvitationAdministrationTests() : InvitationAdministrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresInvitationAdministrationTests() : InvitationAdministrationTests(new PostgresPortalFixture());
