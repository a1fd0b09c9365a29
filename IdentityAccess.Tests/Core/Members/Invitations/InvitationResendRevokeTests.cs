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

/// <summary>Resending and revoking an invitation: a fresh link or none, and refused for anyone who may not manage its members.</summary>
public abstract class InvitationResendRevokeTests(PortalFixture portal) : InvitationTestBase(portal)
{
    [Fact]
    public async Task Resend_NewSecretAndExpiry_TheOldLinkStopsWorking()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var first = await Mailbox.LatestSecretAsync(Portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        Time.Advance(TimeSpan.FromDays(2));

        Assert.Null(await Service.ResendAsync(Acme, await InvitationIdAsync(), Person("bob@acme.test"), Base));

        var second = await Mailbox.LatestSecretAsync(Portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);
        await using var db = await Portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        Assert.NotEqual(first, second);
        Assert.Equal((LinkSecret.Hash(second), 2, Time.GetUtcNow().AddDays(7)), (invitation.TokenHash, invitation.SendCount, invitation.ExpiresAt));
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
        Assert.Equal("Bob Brown", (await db.AuditEvents.SingleAsync(e => e.Action == "membership.invitation_resent")).Actor);
        var acceptance = Portal.Factory.Services.GetRequiredService<InvitationAcceptance>();
        Assert.Null(await acceptance.FindAsync(first));
        Assert.NotNull(await acceptance.FindAsync(second));
    }

    [Fact]
    public async Task Revoke_TheLinkStopsWorkingThePersonLeavesTheListAndTheSeatIsFree()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var secret = await Mailbox.LatestSecretAsync(Portal.Factory, "nina@initech.test", OutboxMessageKind.Invitation);

        Assert.Null(await Service.RevokeAsync(Acme, await InvitationIdAsync(), Person("alice@acme.test")));

        await using var db = await Portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        var row = await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId);
        Assert.Equal((InvitationStatus.Revoked, MembershipStatus.Removed), (invitation.Status, row.Status));
        Assert.Equal("nina@initech.test", (await db.AuditEvents.SingleAsync(e => e.Action == "membership.invitation_revoked")).Target);
        Assert.Null(await Portal.Factory.Services.GetRequiredService<InvitationAcceptance>().FindAsync(secret));
        var usage = await Portal.Factory.Services.GetRequiredService<SeatLedger>().GetUsageAsync(Acme);
        Assert.Equal(2, usage.Single(u => u.Tier == SeatTier.Standard).Used);
    }

    [Fact]
    public async Task RemoveMember_InvitedPerson_RevokesTheInvitationToo()
    {
        Assert.Empty(await Service.InviteAsync(Acme, Nina(), Person("alice@acme.test"), Base));
        var membershipId = await MembershipIdAsync(Acme, "nina@initech.test");

        Assert.Empty(await Portal.Factory.Services.GetRequiredService<MemberAdministration>().RemoveAsync(Acme, membershipId, Person("alice@acme.test")));

        await using var db = await Portal.Factory.CreateDbContextAsync();
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

        Assert.IsType<InvitationNotPending>(await Service.ResendAsync(Portal.Demo.AcmeLabs, id, Person("oscar@acme.test"), Base));
        Assert.IsType<InvitationNotPending>(await Service.RevokeAsync(Portal.Demo.AcmeLabs, id, Person("oscar@acme.test")));

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
        await using var db = await Portal.Factory.CreateDbContextAsync();
        return await db.Invitations.Select(i => i.Id).SingleAsync();
    }

    private async Task AssertStillPendingAsync()
    {
        await using var db = await Portal.Factory.CreateDbContextAsync();
        var invitation = await db.Invitations.SingleAsync();
        Assert.Equal((InvitationStatus.Pending, 1), (invitation.Status, invitation.SendCount));
        Assert.Equal(MembershipStatus.Invited, (await db.Memberships.SingleAsync(m => m.Id == invitation.MembershipId)).Status);
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
        Assert.Equal(["membership.invited"], await db.AuditEvents.Where(e => e.Action.StartsWith("membership.")).Select(e => e.Action).ToListAsync());
    }
}

public sealed class SqliteInvitationResendRevokeTests() : InvitationResendRevokeTests(new SqlitePortalFixture());

[Trait("Category", "Postgres")]
public sealed class PostgresInvitationResendRevokeTests() : InvitationResendRevokeTests(new PostgresPortalFixture());
