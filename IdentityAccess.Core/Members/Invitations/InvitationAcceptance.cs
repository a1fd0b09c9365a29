using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>
/// The invited person's side: what a link is for, and accepting it. The link's secret is the key and the invited email
/// the lock: only the person signed in with that email can use it, once, before it expires. No organization permission
/// is checked (the person is not a member yet); the organization's lock is still taken, so accepting and a revoke, a
/// resend or the expiry sweep happen one after the other.
/// </summary>
public sealed class InvitationAcceptance(IDbContextFactory<IdentityAccessDbContext> contexts, AuditLog audit, TimeProvider time)
{
    /// <summary>Null for any link that cannot be accepted now (unknown, used, withdrawn, expired): the page says so in one way.</summary>
    public async Task<InvitationLinkView?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (!LinkSecret.IsWellFormed(secret))
        {
            return null;
        }

        var hash = LinkSecret.Hash(secret!);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Invitations.AsNoTracking()
            .Where(i => i.TokenHash == hash && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .Join(db.Memberships.Where(m => m.Status == MembershipStatus.Invited), i => i.MembershipId, m => m.Id, (i, m) => new { i, m })
            .Select(x => new InvitationLinkView(x.i.Email, x.m.Organization!.Name,
                db.People.Where(p => p.Id == x.i.InvitedByPersonId).Select(p => p.DisplayName).FirstOrDefault() ?? "Someone",
                x.m.Role, x.m.SeatTier, x.i.ExpiresAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the person has an invitation they can still accept. Single sign-on lets them in on that alone (with no
    /// membership yet, it would refuse them): the session opens nothing but the invitation, whose email check is the lock.
    /// </summary>
    internal static Task<bool> HasPendingAsync(IdentityAccessDbContext db, Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Invitations.AnyAsync(i => i.PersonId == personId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now, cancellationToken);

    public async Task<InvitationAcceptOutcome> AcceptAsync(string? secret, Guid signedInPersonId, CancellationToken cancellationToken = default)
    {
        var notValid = new InvitationAcceptOutcome(null, new InvitationLinkNotValid());
        if (!LinkSecret.IsWellFormed(secret))
        {
            return notValid;
        }

        var hash = LinkSecret.Hash(secret!);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organizationId = await db.Invitations.Where(i => i.TokenHash == hash).Select(i => (Guid?)i.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        if (organizationId is null)
        {
            return notValid;
        }

        await using var transaction = await OrganizationWrite.BeginAsync(db, organizationId.Value, cancellationToken);
        // Read again under the lock: a revoke, a resend (new secret) or the sweep may have come first.
        var now = time.GetUtcNow();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var row = invitation is null ? null : await db.Memberships.Include(m => m.Organization)
            .SingleOrDefaultAsync(m => m.Id == invitation.MembershipId, cancellationToken);
        if (invitation is not { Status: InvitationStatus.Pending } || invitation.ExpiresAt <= now || row is not { Status: MembershipStatus.Invited })
        {
            return notValid;
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Id == signedInPersonId, cancellationToken);
        // The same address (normalized) and the same person: an email changed since, on either side, does not carry the invitation.
        if (person is null || person.NormalizedEmail != invitation.NormalizedEmail || person.Id != invitation.PersonId)
        {
            return new InvitationAcceptOutcome(null, new InvitationForSomeoneElse(invitation.Email, person?.Email ?? "someone else"));
        }

        var before = new { Status = row.Status.ToString() };
        (row.Status, row.StatusChangedAt) = (MembershipStatus.Active, now); // the seat the invitation held stays theirs
        (invitation.Status, invitation.EndedAt) = (InvitationStatus.Accepted, now);
        audit.Record(db, new AuditActor(person.Id, person.DisplayName), "membership.invitation_accepted", person.Email, before,
            new { Status = row.Status.ToString(), Role = RoleCatalog.DisplayName(row.Role), Tier = row.SeatTier?.ToString() },
            row.OrganizationId, row.Organization!.ParentOrganizationId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new InvitationAcceptOutcome(null, new Common.ChangedMeanwhile());
        }

        return new InvitationAcceptOutcome(new AcceptedInvitation(row.OrganizationId, row.Organization.Name, row.Role, row.SeatTier), null);
    }
}
