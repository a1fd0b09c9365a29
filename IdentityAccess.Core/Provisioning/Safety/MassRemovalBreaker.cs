using IdentityAccess.Core.Audit;
using IdentityAccess.Core.Members;
using IdentityAccess.Core.Persistence;
using IdentityAccess.Core.Provisioning.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdentityAccess.Core.Provisioning.Safety;

/// <summary>
/// The mass-removal circuit breaker of directory sync. It trips when the removals and suspensions a reconcile
/// wants, plus those sync applied within the window, exceed both the count and the share of members; from then on
/// every removal sync wants is staged until an owner approves or rejects them. Approved removals go through.
/// </summary>
public sealed class MassRemovalBreaker(IOptions<MassRemovalOptions> options, AuditLog audit, TimeProvider time)
{
    /// <summary>The people whose removal this plan must not apply; their rows are staged for the owner.</summary>
    public async Task<IReadOnlySet<Guid>> HoldBackAsync(IdentityAccessDbContext db, ProvisioningPlan plan, Guid parentOrganizationId, AuditActor actor,
        CancellationToken cancellationToken)
    {
        var organizationId = plan.Organization.OrganizationId;
        var staged = await db.StagedRemovals.Where(s => s.OrganizationId == organizationId).ToDictionaryAsync(s => s.PersonId, cancellationToken);
        var removals = plan.Outcomes.Where(IsRemoval).ToDictionary(o => o.Person.PersonId!.Value);
        var approved = staged.Values.Where(s => s.Approved).Select(s => s.PersonId).ToHashSet();

        // Someone staged who is back in the directory (or approved and about to be applied) needs no row any more.
        foreach (var outcome in plan.Outcomes.Where(o => o.Person.PersonId is { } id && staged.ContainsKey(id)))
        {
            var row = staged[outcome.Person.PersonId!.Value];
            if (!removals.ContainsKey(row.PersonId) || approved.Contains(row.PersonId))
            {
                db.StagedRemovals.Remove(row);
                staged.Remove(row.PersonId);
            }
        }

        var waiting = removals.Keys.Where(id => !approved.Contains(id)).ToList();
        if (waiting.Count == 0 || !await IsOpenAsync(db, organizationId, waiting.Count, staged.Count > 0, cancellationToken))
        {
            return new HashSet<Guid>();
        }

        var now = time.GetUtcNow();
        var newlyStaged = 0;
        foreach (var personId in waiting)
        {
            var outcome = removals[personId];
            var change = outcome.Changes.Contains(ChangeKind.Deprovision) ? ChangeKind.Deprovision : ChangeKind.Suspend;
            var reason = string.Join(" ", outcome.Reasons);
            if (staged.TryGetValue(personId, out var row))
            {
                (row.Change, row.Reason) = (change, reason);
                continue;
            }

            db.StagedRemovals.Add(new StagedRemoval { OrganizationId = organizationId, PersonId = personId, Change = change, Reason = reason, StagedAt = now });
            newlyStaged++;
        }

        if (newlyStaged > 0)
        {
            audit.Record(db, actor, "sync.removals_staged", plan.Organization.Name, null,
                new { Staged = newlyStaged, Waiting = waiting.Count, options.Value.MinimumCount, options.Value.Percent },
                organizationId, parentOrganizationId);
        }

        return waiting.ToHashSet();
    }

    private static bool IsRemoval(PersonOutcome outcome) =>
        outcome.Person.PersonId is not null && !outcome.AtNextSignIn
        && (outcome.Changes.Contains(ChangeKind.Deprovision) || outcome.Changes.Contains(ChangeKind.Suspend));

    private async Task<bool> IsOpenAsync(IdentityAccessDbContext db, Guid organizationId, int wanted, bool alreadyTripped, CancellationToken cancellationToken)
    {
        if (alreadyTripped)
        {
            return true; // stays open until an owner has decided on what it holds
        }

        var limits = options.Value;
        var since = time.GetUtcNow().AddMinutes(-limits.WindowMinutes);
        var recent = await db.AuditEvents.CountAsync(e => e.OrganizationId == organizationId && e.OccurredAt >= since
            && e.Action.StartsWith("membership.") && (e.Action.Contains("deprovisioned") || e.Action.Contains("suspended")), cancellationToken);
        var members = await db.Memberships.CountAsync(m => m.OrganizationId == organizationId && m.Status != MembershipStatus.Removed, cancellationToken);
        var total = wanted + recent;
        return total > limits.MinimumCount && total * 100 > limits.Percent * Math.Max(members, 1);
    }
}
