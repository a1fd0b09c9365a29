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

/// <summary>Inviting, resending and revoking against a real database holding the seeded demo; each test gets a fresh one.</summary>
public abstract class InvitationAdministrationTests : IAsyncLifetime
{
    private const string Base = "http://portal.test/";
    private readonly PortalFixture _portal;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    protected InvitationAdministrationTests(PortalFixture portal)
    {
        _portal = portal;
        _portal.Time = _time;
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private InvitationAdministration Service => _portal.Factory.Services.GetRequiredService<InvitationAdministration>();

    private Guid Person(string email) => _portal.Demo.Person(email);

    private Guid Acme => _portal.Demo.AcmeChat;

    private static NewMember Nina(Role role = Role.User, SeatTier? tier = SeatTier.Standard) => new("nina@initech.test", "Nina Newman", role, tier);

    [Fact]
    public async Task Invite_NewPersonInManualMode_HoldsASeatAsInvitedWithAHashedLinkInTheOutboxAndAnAuditEvent()
    {
        var errors = await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base);

        Assert.Empty(errors);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var row = await db.Memberships.Include(m => m.Person).SingleAsync(m => m.OrganizationId == Acme && m.Person!.Email == "nina@initech.test");
        Assert.Equal(("Nina Newman", Role.User, SeatTier.Standard, MembershipStatus.Invited, MembershipSource.Manual),
            (row.Person!.DisplayName, row.Role, row.SeatTier, row.Status, row.Source));
        var invitation = await db.Invitations.SingleAsync();
        var message = await Mailbox.LatestAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        var secret = Mailbox.SecretOf(message);
        Assert.Equal((row.Id, InvitationStatus.Pending, 1, _time.GetUtcNow().AddDays(7)),
            (invitation.MembershipId, invitation.Status, invitation.SendCount, invitation.ExpiresAt));
        Assert.Equal(LinkSecret.Hash(secret), invitation.TokenHash);
        Assert.DoesNotContain(secret, invitation.TokenHash, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/invitations/{secret}", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(("Alice Anders invited you to Acme", Acme), (message.Subject, message.OrganizationId!.Value));
        Assert.Null(message.SentAt);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "membership.invited");
        Assert.Equal(("Alice Anders", "nina@initech.test", Acme), (audit.Actor, audit.Target, audit.OrganizationId!.Value));
        var usage = await _portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(Acme);
        Assert.Equal(3, usage.Single(u => u.Tier == SeatTier.Standard).Used); // Carol, Dave and the invitation
    }

    [Fact]
    public async Task Invite_PersonWhoPickedPortuguese_GetsItInPortuguese_WhateverTheInvitersLanguage()
    {
        // Oscar (of Acme Labs) chose Portuguese in the portal; Alice's page is in Indonesian.
        await using (var db = await _portal.Factory.CreateDbContextAsync())
        {
            await db.People.Where(p => p.Email == "oscar@acme.test").ExecuteUpdateAsync(s => s.SetProperty(p => p.PreferredLanguage, "pt-BR"));
        }

        using (Localizers.UiCulture("id"))
        {
            Assert.Empty(await Service.InviteAsync(Acme, new NewMember("oscar@acme.test", "Oscar", Role.User, SeatTier.Standard), Person("alice@acme.test"), Base));
        }

        var message = await Mailbox.LatestAsync(_portal.Factory, "oscar@acme.test", OutboxMessageKind.Invitation);
        Assert.Equal("Alice Anders convidou você para Acme", message.Subject);
        Assert.Contains("Alice Anders convidou você para participar de Acme como User (assento Standard).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Aceite o convite:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/invitations/{Mailbox.SecretOf(message)}", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_Newcomer_GetsItInTheInvitersLanguage()
    {
        using (Localizers.UiCulture("id"))
        {
            Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        }

        var message = await Mailbox.LatestAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        Assert.Equal("Alice Anders mengundang Anda ke Acme", message.Subject);
        Assert.Contains("sebagai User (kursi Standard).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-11-30 12:00 UTC", message.TextBody, StringComparison.Ordinal); // the expiry in one unambiguous form
    }

    [Fact]
    public async Task Invite_OrganizationInDirectorySyncMode_StillInvitesSomeoneTheIdpDoesNotManage()
    {
        await using (var db = await _portal.Factory.CreateDbContextAsync())
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
        Assert.Empty(await _portal.Factory.Services.GetRequiredService<MemberAdministration>().RemoveAsync(Acme, dave, Person("alice@acme.test")));

        Assert.Empty(await Service.InviteAsync(Acme, new NewMember("dave@acme.test", "Dave", Role.User, SeatTier.Standard), Person("alice@acme.test"), Base));

        await using var db = await _portal.Factory.CreateDbContextAsync();
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
        var errors = await Service.InviteAsync(_portal.Demo.AcmeConsole, Nina(Role.Developer, null), Person("erin@acme.test"), Base);

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
        Assert.Empty(await Service.InviteAsync(_portal.Demo.GlobexTeam, new NewMember("ivy@elsewhere.test", "Ivy", Role.User, SeatTier.Premium), grace, Base));

        var errors = await Service.InviteAsync(_portal.Demo.GlobexTeam, new NewMember("jon@elsewhere.test", "Jon", Role.User, SeatTier.Premium), grace, Base);

        Assert.IsType<NoFreeSeat>(Assert.Single(errors));
        await using var db = await _portal.Factory.CreateDbContextAsync();
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
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Invitations.CountAsync());
    }

    [Fact]
    public async Task Invite_NotAnEmail_RefusedOnTheField()
    {
        var errors = await Service.InviteAsync(Acme, new NewMember("Nina <nina@initech.test>", "Nina", Role.User, SeatTier.Standard), Person("alice@acme.test"), Base);

        Assert.Equal("email", Assert.IsType<ValidationFailed>(Assert.Single(errors)).Field);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Resend_NewSecretAndExpiry_TheOldLinkStopsWorking()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var first = await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        _time.Advance(TimeSpan.FromDays(2));

        Assert.Null(await Service.ResendAsync(Acme, await InvitationIdAsync(), Person("bob@acme.test"), Base));

        var second = await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        Assert.NotEqual(first, second);
        Assert.Equal((LinkSecret.Hash(second), 2, _time.GetUtcNow().AddDays(7)), (invitation.TokenHash, invitation.SendCount, invitation.ExpiresAt));
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
        Assert.Equal("Bob Brown", (await db.AuditEvents.SingleAsync(e => e.Action == "membership.invitation_resent")).Actor);
        var acceptance = _portal.Factory.Services.GetRequiredService<InvitationAcceptance>();
        Assert.Null(await acceptance.FindAsync(first));
        Assert.NotNull(await acceptance.FindAsync(second));
    }

    [Fact]
    public async Task Revoke_TheLinkStopsWorkingThePersonLeavesTheListAndTheSeatIsFree()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var secret = await Mailbox.LatestSecretAsync(_portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);

        Assert.Null(await Service.RevokeAsync(Acme, await InvitationIdAsync(), Person("alice@acme.test")));

        await using var db = await _portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        var row = await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId);
        Assert.Equal((InvitationStatus.Revoked, MembershipStatus.Removed), (invitation.Status, row.Status));
        Assert.Equal("nina@initech.test", (await db.AuditEvents.SingleAsync(e => e.Action == "membership.invitation_revoked")).Target);
        Assert.Null(await _portal.Factory.Services.GetRequiredService<InvitationAcceptance>().FindAsync(secret));
        var usage = await _portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(Acme);
        Assert.Equal(2, usage.Single(u => u.Tier == SeatTier.Standard).Used);
    }

    [Fact]
    public async Task RemoveMember_InvitedPerson_RevokesTheInvitationToo()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var membershipId = await MembershipIdAsync(Acme, "nina@initech.test");

        Assert.Empty(await _portal.Factory.Services.GetRequiredService<MemberAdministration>().RemoveAsync(Acme, membershipId, Person("alice@acme.test")));

        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(InvitationStatus.Revoked, (await db.Invitations.SingleAsync()).Status);
    }

    [Theory]
    [InlineData("carol@acme.test")]   // a chat User
    [InlineData("oscar@acme.test")]   // the Admin of a sibling organization
    public async Task ResendAndRevoke_WithoutManageMembers_RefusedAndNothingChanged(string actingEmail)
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var id = await InvitationIdAsync();

        Assert.IsType<AccessRefused>(await Service.ResendAsync(Acme, id, Person(actingEmail), Base));
        Assert.IsType<AccessRefused>(await Service.RevokeAsync(Acme, id, Person(actingEmail)));

        await AssertStillPendingAsync();
    }

    [Fact]
    public async Task ResendAndRevoke_SiblingAdminNamingAcmesInvitationInHisOwnOrganization_NotFoundAndNothingChanged()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var id = await InvitationIdAsync();

        Assert.IsType<InvitationNotPending>(await Service.ResendAsync(_portal.Demo.AcmeLabs, id, Person("oscar@acme.test"), Base));
        Assert.IsType<InvitationNotPending>(await Service.RevokeAsync(_portal.Demo.AcmeLabs, id, Person("oscar@acme.test")));

        await AssertStillPendingAsync();
    }

    [Fact]
    public async Task ResendAndRevoke_ChatAdminOnAnOwnersInvitation_RefusedAndNothingChanged()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(Role.Owner, SeatTier.Premium), Person("alice@acme.test"), Base));
        var id = await InvitationIdAsync();

        Assert.IsType<OnlyTopRoleChangesTopRole>(await Service.ResendAsync(Acme, id, Person("bob@acme.test"), Base));
        Assert.IsType<OnlyTopRoleChangesTopRole>(await Service.RevokeAsync(Acme, id, Person("bob@acme.test")));

        await AssertStillPendingAsync();
    }

    [Fact]
    public async Task Revoke_Twice_SecondIsNotPending()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var id = await InvitationIdAsync();
        Assert.Null(await Service.RevokeAsync(Acme, id, Person("alice@acme.test")));

        Assert.IsType<InvitationNotPending>(await Service.RevokeAsync(Acme, id, Person("alice@acme.test")));
        Assert.IsType<InvitationNotPending>(await Service.ResendAsync(Acme, id, Person("alice@acme.test"), Base));
    }

    private async Task<Guid> InvitationIdAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Invitations.Select(i => i.Id).SingleAsync();
    }

    private async Task<Guid> MembershipIdAsync(Guid organizationId, string email)
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        return await db.Memberships.Where(m => m.OrganizationId == organizationId && m.Person!.Email == email).Select(m => m.Id).SingleAsync();
    }

    private async Task AssertStillPendingAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal((InvitationStatus.Pending, 1), (invitation.Status, invitation.SendCount));
        Assert.Equal(MembershipStatus.Invited, (await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId)).Status);
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
        Assert.Equal(["membership.invited"], await db.AuditEvents.Where(e => e.Action.StartsWith("membership.")).Select(e => e.Action).ToListAsync());
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = await _portal.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action.StartsWith("membership.")));
        Assert.Equal(10, await db.Memberships.CountAsync()); // the demo seed's
        Assert.Equal(_portal.Demo.PeopleByEmail.Count, await db.People.CountAsync());
        Assert.Equal(0, await db.Invitations.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }
}

public sealed class SqliteInvitationAdministrationTests() : InvitationAdministrationTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresInvitationAdministrationTests() : InvitationAdministrationTests(new PostgresPortalFixture());
