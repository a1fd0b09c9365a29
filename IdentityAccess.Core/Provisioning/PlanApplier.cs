using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.People;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.EntityFrameworkCore;

namespace IdentityAccess.Core.Provisioning;

/// <summary>
/// Writes a plan's membership changes into the caller's unit of work, one audit event per changed person. Changes
/// that JIT applies only at the person's next sign-in are left for then.
/// </summary>
public sealed class PlanApplier(AuditLog audit, TimeProvider time)
{
    public async Task<int> ApplyAsync(IdentityAccessDbContext db, ProvisioningPlan plan, Guid parentOrganizationId, AuditActor actor,
        CancellationToken cancellationToken = default)
    {
        var organizationId = plan.Organization.OrganizationId;
        var now = time.GetUtcNow();
        var writes = plan.Outcomes.Where(NeedsWrite).ToList();
        var rows = await MembershipRowsAsync(db, organizationId, writes, cancellationToken);
        var applied = 0;
        foreach (var outcome in writes)
        {
            var desired = outcome.Desired!;
            var personId = outcome.Person.PersonId ?? await LinkPersonAsync(db, outcome.Person, now, cancellationToken);
            // A directory user just linked by email may find that person's earlier membership here (a re-created user).
            var row = rows.GetValueOrDefault(personId)
                ?? await db.Memberships.SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.PersonId == personId, cancellationToken);
            if (outcome.Changes.Count == 0)
            {
                // No visible change, but sync may have adopted the membership (switching into SCIM).
                if (row is not null && row.Source != desired.Source)
                {
                    row.Source = desired.Source;
                }

                continue;
            }

            var before = row is null ? null : new { row.Role, row.SeatTier, row.Status };
            if (row is null)
            {
                row = new Membership { OrganizationId = organizationId, PersonId = personId, CreatedAt = now };
                db.Memberships.Add(row);
                rows[personId] = row;
            }

            if (row.Status != desired.Status)
            {
                row.StatusChangedAt = now;
            }

            (row.Role, row.SeatTier, row.Status, row.Source) = (desired.Role, desired.Tier, desired.Status, desired.Source);
            audit.Record(db, actor, "membership." + string.Join("+", outcome.Changes.Select(AuditName)), outcome.Person.Email,
                before, new { desired.Role, SeatTier = desired.Tier, desired.Status, Reasons = outcome.Reasons }, organizationId, parentOrganizationId);
            applied++;
        }

        return applied;
    }

    // Only people whose membership changes, or whom sync adopts (switching into SCIM), are written: a reconcile
    // that changes nothing loads no rows.
    private static bool NeedsWrite(PersonOutcome outcome) =>
        outcome.Desired is { } desired && !outcome.AtNextSignIn
        && (outcome.Changes.Count > 0 || (outcome.Person.Membership is { } current && current.Source != desired.Source));

    private static async Task<Dictionary<Guid, Membership>> MembershipRowsAsync(IdentityAccessDbContext db, Guid organizationId,
        IReadOnlyList<PersonOutcome> writes, CancellationToken cancellationToken)
    {
        const int ChunkSize = 1000; // keeps each IN list well inside every provider's parameter limit
        var rows = new Dictionary<Guid, Membership>();
        foreach (var chunk in writes.Where(o => o.Person.PersonId is not null).Select(o => o.Person.PersonId!.Value).Chunk(ChunkSize))
        {
            foreach (var row in await db.Memberships.Where(m => m.OrganizationId == organizationId && chunk.Contains(m.PersonId)).ToListAsync(cancellationToken))
            {
                rows[row.PersonId] = row;
            }
        }

        return rows;
    }

    // A directory user the IdP pushed who is not a person yet: found by email, or created, and linked.
    private static async Task<Guid> LinkPersonAsync(IdentityAccessDbContext db, KnownPerson known, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(known.Email);
        var person = await db.People.SingleOrDefaultAsync(p => p.NormalizedEmail == normalized, cancellationToken)
            ?? db.People.Add(Person.Create(known.Email, known.DisplayName, now)).Entity;
        if (known.DirectoryUserId is { } userId && await db.DirectoryUsers.FindAsync([userId], cancellationToken) is { } user)
        {
            user.PersonId = person.Id;
        }

        return person.Id;
    }

    private static string AuditName(ChangeKind change) => change switch
    {
        ChangeKind.Provision => "provisioned",
        ChangeKind.Deprovision => "deprovisioned",
        ChangeKind.Promote => "promoted",
        ChangeKind.Demote => "demoted",
        ChangeKind.TierChange => "tier_changed",
        ChangeKind.BecomePending => "pending_seat",
        ChangeKind.Admit => "admitted",
        ChangeKind.Suspend => "suspended",
        ChangeKind.Restore => "restored",
        ChangeKind.BlockSignIn => "sign_in_blocked",
    };
}
