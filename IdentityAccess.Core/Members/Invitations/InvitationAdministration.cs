using IdentityAccess.Core.Access;
using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Common;
using IdentityAccess.Core.Mail;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>
/// Inviting someone by email (Manual mode's way in, and in any mode for people the IdP will not manage), resending and
/// withdrawing an invitation. Guarded like every member change: <see cref="Permission.ManageMembers"/> read under the
/// organization's lock, the top-role gate, a free seat (the invitation holds it, nobody is evicted), and the change,
/// its email in the outbox and its audit event in one transaction.
/// </summary>
public sealed class InvitationAdministration(GuardedWrites writes, AuditLog audit, OutboxWriter outbox, PortalLinks links,
    IOptions<InvitationOptions> options, TimeProvider time)
{
    /// <param name="callerBaseUrl">Where the caller reached the portal; used for the link only when Portal:PublicBaseUrl is not set.</param>
    public async Task<IReadOnlyList<Error>> InviteAsync(Guid organizationId, NewMember member, Guid actingPersonId, string? callerBaseUrl,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return [refused];
        }

        var (db, organization) = (write.Db, write.Organization!);
        // The same checks as adding by hand; the invitation then holds the free seat found.
        var (refusals, person, row) = await NewMemberChecks.CheckAsync(write, member, cancellationToken);
        if (refusals.Count > 0)
        {
            return refusals;
        }

        var now = time.GetUtcNow();
        // As with adding by hand: a person already known keeps their name, a newcomer takes the one typed.
        person ??= db.People.Add(Person.Create(member.Email, member.DisplayName.Trim(), now)).Entity;
        var before = row is null ? null : Snapshot(row, null);
        if (row is null)
        {
            row = new Membership { OrganizationId = organizationId, PersonId = person.Id, CreatedAt = now };
            db.Memberships.Add(row);
        }

        (row.Role, row.SeatTier, row.Status, row.Source, row.StatusChangedAt) =
            (member.Role, member.Tier, MembershipStatus.Invited, MembershipSource.Manual, now);
        var invitation = new Invitation
        {
            OrganizationId = organizationId,
            MembershipId = row.Id,
            PersonId = person.Id,
            Email = person.Email,
            NormalizedEmail = person.NormalizedEmail,
            Role = member.Role,
            SeatTier = member.Tier,
            InvitedByPersonId = actingPersonId,
            CreatedAt = now,
        };
        db.Invitations.Add(invitation);
        Send(db, invitation, write.Actor, organization, row, person.PreferredLanguage, callerBaseUrl, now);
        audit.Record(db, write.Actor, "membership.invited", person.Email, before, Snapshot(row, invitation.ExpiresAt), organizationId, organization.ParentId);
        return await write.CommitAsync(cancellationToken) is { } conflict ? [conflict] : [];
    }

    /// <summary>A new link (the old one stops working), a new expiry, another email.</summary>
    public async Task<Error?> ResendAsync(Guid organizationId, Guid invitationId, Guid actingPersonId, string? callerBaseUrl,
        CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var (invitation, row) = await FindPendingAsync(write.Db, organizationId, invitationId, cancellationToken);
        if (invitation is null || row is null)
        {
            return new InvitationNotPending();
        }

        // Sending an invitation to be the top role again is handing out the top role again.
        if (MemberRules.CheckTopRoleGate(write.Roles!, null, row.Role) is { } gate)
        {
            return gate;
        }

        var before = new { invitation.ExpiresAt, invitation.SendCount };
        var language = await write.Db.People.Where(p => p.Id == row.PersonId).Select(p => p.PreferredLanguage).SingleOrDefaultAsync(cancellationToken);
        Send(write.Db, invitation, write.Actor, write.Organization!, row, language, callerBaseUrl, time.GetUtcNow());
        audit.Record(write.Db, write.Actor, "membership.invitation_resent", invitation.Email, before, new { invitation.ExpiresAt, invitation.SendCount },
            organizationId, write.Organization!.ParentId);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>Withdraws the invitation: the link stops working, the person leaves the list and the seat is free again.</summary>
    public async Task<Error?> RevokeAsync(Guid organizationId, Guid invitationId, Guid actingPersonId, CancellationToken cancellationToken = default)
    {
        await using var write = await writes.OrganizationAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }

        var (invitation, row) = await FindPendingAsync(write.Db, organizationId, invitationId, cancellationToken);
        if (invitation is null || row is null)
        {
            return new InvitationNotPending();
        }

        if (MemberRules.CheckTopRoleGate(write.Roles!, row.Role, null) is { } gate)
        {
            return gate;
        }

        var now = time.GetUtcNow();
        var before = Snapshot(row, invitation.ExpiresAt);
        (invitation.Status, invitation.EndedAt) = (InvitationStatus.Revoked, now);
        (row.Status, row.StatusChangedAt) = (MembershipStatus.Removed, now);
        audit.Record(write.Db, write.Actor, "membership.invitation_revoked", invitation.Email, before, Snapshot(row, null),
            organizationId, write.Organization!.ParentId);
        return await write.CommitAsync(cancellationToken);
    }

    /// <summary>A fresh secret (stored as its hash only), a fresh expiry, and the email carrying the link into the outbox.</summary>
    /// <remarks>In the invited person's language when they picked one, else in the inviter's (this request's).</remarks>
    private void Send(IdentityAccessDbContext db, Invitation invitation, AuditActor inviter, OrganizationSummary organization, Membership row,
        string? recipientLanguage, string? callerBaseUrl, DateTimeOffset now)
    {
        var secret = LinkSecret.New();
        invitation.TokenHash = LinkSecret.Hash(secret);
        invitation.ExpiresAt = now + options.Value.Lifetime;
        invitation.LastSentAt = now;
        invitation.SendCount++;
        var (subject, body) = InvitationMail.Compose(MailWords.LanguageFor(recipientLanguage), inviter.Name, organization.Name, row.Role, row.SeatTier,
            links.Absolute(callerBaseUrl, InvitationMail.PathPrefix + secret), invitation.ExpiresAt);
        outbox.Add(db, OutboxMessageKind.Invitation, invitation.Email, subject, body, organization.Id);
    }

    private static async Task<(Invitation?, Membership?)> FindPendingAsync(IdentityAccessDbContext db, Guid organizationId, Guid invitationId,
        CancellationToken cancellationToken)
    {
        // The organization is part of the key: an Admin of another organization finds nothing here, even with the id.
        var invitation = await db.Invitations.SingleOrDefaultAsync(
            i => i.Id == invitationId && i.OrganizationId == organizationId && i.Status == InvitationStatus.Pending, cancellationToken);
        var row = invitation is null ? null : await db.Memberships.SingleOrDefaultAsync(
            m => m.Id == invitation.MembershipId && m.Status == MembershipStatus.Invited, cancellationToken);
        return (invitation, row);
    }

    private static object Snapshot(Membership m, DateTimeOffset? expiresAt) => new
    {
        Role = RoleCatalog.DisplayName(m.Role),
        Tier = m.SeatTier?.ToString(),
        Status = m.Status.ToString(),
        ExpiresAt = expiresAt,
    };
}
