using IdentityAccess.Core.Access;
using IdentityAccess.Core.Outbox;
using IdentityAccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Members.Invitations;

/// <summary>An organization's pending invitations and their emails, for those who manage its members.</summary>
public sealed class InvitationDirectory(IDbContextFactory<IdentityAccessDbContext> contexts, OrganizationAccessService access)
{
    public const int MaxListed = 200;

    /// <summary>Newest first, at most <see cref="MaxListed"/>; empty when the person may not manage the organization's members.</summary>
    public async Task<IReadOnlyList<PendingInvitation>> ListPendingAsync(Guid organizationId, Guid? actingPersonId, CancellationToken cancellationToken = default)
    {
        if (!(await access.CheckAsync(organizationId, actingPersonId, Permission.ManageMembers, cancellationToken)).IsGranted)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.Status == InvitationStatus.Pending)
            .Join(db.Memberships, i => i.MembershipId, m => m.Id, (i, m) => new
            {
                i,
                m.Role,
                m.SeatTier,
                m.Person!.DisplayName,
                InvitedBy = db.People.Where(p => p.Id == i.InvitedByPersonId).Select(p => p.DisplayName).FirstOrDefault(),
            })
            .OrderByDescending(x => x.i.LastSentAt).Take(MaxListed).ToListAsync(cancellationToken);
        if (invitations.Count == 0)
        {
            return [];
        }

        // Each invitation's latest email: sent to its address, for this organization, since it was last sent.
        var since = invitations.Min(x => x.i.LastSentAt);
        var addresses = invitations.Select(x => x.i.Email).Distinct().ToList();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Kind == OutboxMessageKind.Invitation && m.CreatedAt >= since && addresses.Contains(m.ToAddress))
            .ToListAsync(cancellationToken);
        return [.. invitations.Select(x =>
        {
            var latest = messages.Where(m => m.ToAddress == x.i.Email && m.CreatedAt >= x.i.LastSentAt).MaxBy(m => (m.CreatedAt, m.Id));
            var delivery = latest is null ? null
                : new InvitationDelivery(latest.SentAt, latest.Attempts, latest.LastError, latest.SentAt is null ? OutboxText.Links(latest.TextBody).FirstOrDefault() : null);
            return new PendingInvitation(x.i.Id, x.i.MembershipId, x.i.Email, x.DisplayName, x.Role, x.SeatTier, x.i.ExpiresAt, x.i.LastSentAt, x.i.SendCount, delivery)
            {
                InvitedAt = x.i.CreatedAt,
                InvitedBy = x.InvitedBy,
            };
        })];
    }
}
